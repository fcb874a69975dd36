// Benchmarks: whole-process timings of mapc beside the floor for each job, as a table
// (median of several runs, with min and max) and in bench/results.json. Nothing here is
// asserted: the figures are for reading.  Usage: npm run bench [-- --runs N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const mapc = join(root, 'bin/mapc.js');
const plan = join(root, 'plans/devon-children-and-families-2004-05.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'mapc-bench-'));

/** Milliseconds for one run of a command, the whole process. */
function time(command, args) {
  const start = process.hrtime.bigint();
  execFileSync(command, args, { cwd: root, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function measure(command, args) {
  time(command, args); // warm the file cache
  const samples = Array.from({ length: runs }, () => time(command, args)).sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1] };
}

// The HTML the PDF floor prints is the HTML mapc prints.
execFileSync(process.execPath, [mapc, 'build', '-q', '--to', 'html', '--out', join(scratch, 'html'), plan], { cwd: root });
const html = join(scratch, 'html/devon-children-and-families-2004-05.html');

const rows = [
  { job: 'validate 1 plan', subject: measure(process.execPath, [mapc, 'validate', plan]), floorName: "node -e ''", floor: measure(process.execPath, ['-e', '']) },
  {
    job: 'build --to html, 1 plan',
    subject: measure(process.execPath, [mapc, 'build', '-q', '--to', 'html', '--out', join(scratch, 'a'), plan]),
    floorName: "node -e ''",
    floor: measure(process.execPath, ['-e', '']),
  },
  {
    job: 'build --to pdf, 1 plan',
    subject: measure(process.execPath, [mapc, 'build', '-q', '--to', 'pdf', '--out', join(scratch, 'b'), plan]),
    floorName: 'bare puppeteer, same HTML',
    floor: measure(process.execPath, [join(root, 'bench/floor-print-pdf.js'), scratch, html]),
  },
  {
    job: 'diff the two IoW years',
    // diff exits 1 when the plans differ, as diff(1) does: that is success here.
    subject: measure('sh', ['-c', `"${process.execPath}" "${mapc}" diff plans/isle-of-wight-qp-map-2002-03.yaml plans/isle-of-wight-qp-map-2003-04.yaml >/dev/null; [ $? -eq 1 ]`]),
    floorName: "node -e ''",
    floor: measure(process.execPath, ['-e', '']),
  },
];

const ms = (n) => `${n.toFixed(0)} ms`;
console.log(`runs per figure: ${runs} (median, min-max)\n`);
console.log(['job'.padEnd(26), 'mapc'.padEnd(22), 'floor'.padEnd(40), 'ratio'].join(' '));
for (const row of rows) {
  console.log(
    [
      row.job.padEnd(26),
      `${ms(row.subject.median)} (${ms(row.subject.min)}-${ms(row.subject.max)})`.padEnd(22),
      `${row.floorName}: ${ms(row.floor.median)} (${ms(row.floor.min)}-${ms(row.floor.max)})`.padEnd(40),
      (row.subject.median / row.floor.median).toFixed(2),
    ].join(' '),
  );
}
writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ runs, node: process.version, rows }, null, 2) + '\n');

// diffPlans itself, in-process, on two generated plans of 1,000 actions.
console.log('');
execFileSync(process.execPath, [join(root, 'bench/diff.js'), '--runs', String(runs)], { cwd: root, stdio: 'inherit' });
