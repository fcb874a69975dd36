// Benchmarks: whole-process timings (and peak memory) of mapc beside the floor for each
// job, and a peer where there is one, as a table (median of several runs, with min and
// max, the CPU time and peak memory) and in bench/results.json. Nothing here is asserted:
// the figures are for reading. Every run of a build, mapc's and its floor's alike, starts
// from an empty output folder (emptied, and the disk synced, outside the timing), and
// mapc and its floor take turns, run by run.
// Usage: npm run bench [-- --runs N] [-- --quick] [-- --only ROW[,ROW]]
//   --quick: skips the 1,000-plan and 100-PDF rows.
//   --only: runs just the rows named (see ROWS) and leaves bench/results.json as it is.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, findBrowser } from '../dist/pdf/launch-browser.js';
import { generateDiffPlan, generatePlan, generatePlanMarkdown, writePlanCopies, writePlans } from './generate-plans.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => process.argv.indexOf(name);
const runs = option('--runs') > 0 ? Number(process.argv[option('--runs') + 1]) : 5;
const quick = option('--quick') > 0;
const ROWS = ['validate', 'html-1', 'html-100', 'html-1000', 'iow-1000', 'pdf-1', 'pdf-100', 'diff-1000', 'diff-iow', 'import-50-pages', 'diffplans', 'validate-size'];
const SLOW = ['html-1000', 'iow-1000', 'pdf-100', 'validate-size'];
const only = option('--only') > 0 ? (process.argv[option('--only') + 1] ?? '').split(',') : undefined;
const unknown = only?.filter((key) => !ROWS.includes(key)) ?? [];
if (only && (unknown.length > 0 || only.length === 0)) {
  console.error(`--only: no row ${unknown.join(', ') || '(none named)'}; the rows are ${ROWS.join(', ')}`);
  process.exit(2);
}
const wanted = (key) => (only ? only.includes(key) : !(quick && SLOW.includes(key)));
const node = process.execPath;
const mapc = join(root, 'bin/mapc.js');
const scratch = mkdtempSync(join(tmpdir(), 'mapc-bench-'));

/**
 * Times a command `runs` times after one untimed run that warms the file cache. Each run,
 * the warm-up too, starts from the state `prepare` leaves (called outside the timing).
 */
function measure(command, args, okCodes = [0], prepare = () => {}) {
  return measureTogether([{ command, args, okCodes, prepare }])[0];
}

/**
 * Times several commands, alternating them run by run so that a change in the machine's
 * load falls on each alike. Reports the median wall time, its range, and the median run's
 * peak memory and CPU time (user + system: on a shared machine, the steadier figure).
 */
function measureTogether(jobs) {
  const samples = jobs.map(() => []);
  for (const job of jobs) {
    (job.prepare ?? (() => {}))();
    execFileTimed(job.command, job.args, job.okCodes ?? [0]); // warm the file cache
  }
  for (let i = 0; i < runs; i++) {
    jobs.forEach((job, j) => {
      (job.prepare ?? (() => {}))();
      const start = process.hrtime.bigint();
      const out = execFileTimed(job.command, job.args, job.okCodes ?? [0]);
      samples[j].push({ ms: Number(process.hrtime.bigint() - start) / 1e6, ...out });
    });
  }
  return samples.map((taken) => {
    const ms = taken.map((s) => s.ms).sort((a, b) => a - b);
    const middle = [...taken].sort((a, b) => a.ms - b.ms)[Math.floor(taken.length / 2)];
    const cpu = taken.map((s) => s.cpuS).sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms[ms.length - 1], peakMb: middle.mb, cpuS: cpu[Math.floor(cpu.length / 2)] };
  });
}

/**
 * A `prepare` for measure: the folders removed and made again empty, and the disk synced,
 * so that every run of mapc and of its floor writes into an empty folder with nothing of
 * the last run still being written out or discarded (the disk is mounted with `discard`).
 */
const emptyFolders = (...folders) => () => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
  }
  spawnSync('sync');
};

/** Runs under GNU time and returns the peak resident memory in MB and the CPU time in seconds. */
function execFileTimed(command, args, okCodes) {
  const result = spawnSync('/usr/bin/time', ['-f', 'peak-kb %M cpu %U %S exit %x', command, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const [, kb, user, system, code] = /peak-kb (\d+) cpu ([\d.]+) ([\d.]+) exit (\d+)\s*$/.exec(result.stderr) ?? [];
  const shown = args.length > 8 ? [...args.slice(0, 8), `... (${args.length - 8} more)`] : args;
  if (!okCodes.includes(Number(code))) throw new Error(`${command} ${shown.join(' ')} exited ${code}:\n${result.stderr}`);
  return { mb: Number(kb) / 1024, cpuS: Number(user) + Number(system) };
}

/** make(), once, when first asked for. */
const once = (make) => {
  let value;
  return () => (value ??= make());
};

function plansFolder(count) {
  const folder = join(scratch, `plans-${count}`);
  writePlans(folder, count);
  return { folder, files: readdirSync(folder).map((name) => join(folder, name)) };
}

/**
 * A plan of about `bytes` of realistic content: a generated plan's objectives, with their
 * achievements and actions, written again and again under new ids.
 */
function planOfSize(bytes) {
  const plan = generatePlan(0);
  const start = plan.indexOf('objectives:\n') + 'objectives:\n'.length;
  const objectives = plan.slice(start, start + plan.slice(start).search(/^\S/m));
  const parts = [plan.slice(0, start + objectives.length)];
  let size = plan.length;
  for (let copy = 1; size < bytes; copy++) {
    const again = objectives.replace(/^( {2}- id: | {6}- id: )(\S+)/gm, `$1$2-copy-${copy}`);
    parts.push(again);
    size += again.length;
  }
  parts.push(plan.slice(start + objectives.length));
  return parts.join('');
}

/** md-to-pdf printing plan 0 written as Markdown, with the Chromium and flags mapc uses. */
function mdToPdfPeer() {
  const markdown = join(scratch, 'plan-0000.md');
  writeFileSync(markdown, generatePlanMarkdown(0));
  const launch = JSON.stringify({ executablePath: findBrowser(process.env), args: CHROMIUM_FLAGS });
  return measure(join(root, 'node_modules/.bin/md-to-pdf'), [markdown, '--launch-options', launch]);
}

const rows = [];
const row = (key, job, subject, floorName, floor, peerName, peer, goal) => {
  rows.push({ key, job, subject, floorName, floor, peerName, peer, goal });
  const ms = (n) => `${n.toFixed(0)} ms`;
  const cell = (m) => (m ? `${ms(m.median)} (${ms(m.min)}-${ms(m.max)}), ${m.cpuS.toFixed(2)} s CPU, ${m.peakMb.toFixed(0)} MB` : '');
  console.log(`\n${job}   [goal: ${goal}]`);
  console.log(`  mapc:  ${cell(subject)}`);
  if (floor) console.log(`  floor: ${cell(floor)}  ${floorName}; ratio ${(subject.median / floor.median).toFixed(2)}`);
  if (peer) console.log(`  peer:  ${cell(peer)}  ${peerName}; ratio ${(subject.median / peer.median).toFixed(2)}`);
};

console.log(`runs per figure: ${runs} (median, min-max, the median CPU time (user + system), and the median run's peak memory)`);
const one = once(() => plansFolder(1));
const nodeFloor = once(() => measure(node, ['-e', '']));
if (wanted('validate')) row(
  'validate', 'validate 1 plan', measure(node, [mapc, 'validate', one().files[0]]),
  "node -e ''", nodeFloor(),
  // ajv-cli reads YAML as YAML 1.1 (dates become dates), so it also reports errors: exit 1 is its answer.
  'ajv validate (ajv-cli), same file and schema', measure(join(root, 'node_modules/.bin/ajv'), ['validate', '--spec=draft7', '--strict=false', '--all-errors', '-s', 'schemas/plan.schema.json', '-d', one().files[0]], [0, 1]),
  'at most 2.5x the floor, at most half the peer',
);
for (const count of [1, 100, 1000]) {
  if (!wanted(`html-${count}`)) continue;
  const set = count === 1 ? one() : plansFolder(count);
  const out = join(scratch, `html-${count}`);
  const floorOut = join(scratch, `floor-html-${count}`);
  const [subject, floor] = measureTogether([
    { command: node, args: [mapc, 'build', '-q', '--to', 'html', '--out', out, set.folder], prepare: emptyFolders(out) },
    { command: node, args: [join(root, 'bench/floor-render-html.js'), floorOut, ...set.files], prepare: emptyFolders(floorOut) },
  ]);
  row(`html-${count}`, `build --to html, ${count} plan${count === 1 ? '' : 's'} (${(subject.median / count).toFixed(1)} ms a plan)`, subject, 'the same templates rendered by a bare script', floor, '', undefined, 'at most 1.3x the floor; under 10 ms a plan at 1,000');
}
// A real plan with a covering report, so each copy makes two documents (the MAP and the
// committee paper), and a thousand of them, each with its own id.
if (wanted('iow-1000')) {
  const count = 1000;
  const folder = join(scratch, `iow-${count}`);
  writePlanCopies(folder, join(root, 'plans/isle-of-wight-qp-map-2002-03.yaml'), count);
  const files = readdirSync(folder).map((name) => join(folder, name));
  const out = join(scratch, `iow-html-${count}`);
  const floorOut = join(scratch, `floor-iow-html-${count}`);
  const [subject, floor] = measureTogether([
    { command: node, args: [mapc, 'build', '-q', '--to', 'html', '--out', out, folder], prepare: emptyFolders(out) },
    { command: node, args: [join(root, 'bench/floor-render-html.js'), floorOut, ...files], prepare: emptyFolders(floorOut) },
  ]);
  for (const dir of [out, floorOut]) {
    const pages = readdirSync(dir).filter((name) => name.endsWith('.html')).length;
    if (pages !== 2 * count) throw new Error(`${dir} has ${pages} HTML documents, not ${2 * count}`);
  }
  row(
    'iow-1000', `build --to html, ${count} copies of the Isle of Wight plan with its report, 2 documents each (${(subject.median / count).toFixed(1)} ms a plan)`, subject,
    `the same templates rendered by a bare script, both documents (${(floor.median / count).toFixed(1)} ms a plan)`, floor, '', undefined, 'at most 10 ms a plan',
  );
}
for (const count of [1, 100]) {
  if (!wanted(`pdf-${count}`)) continue;
  const set = count === 1 ? one() : plansFolder(count);
  const html = join(scratch, `pdf-html-${count}`);
  execFileSync(node, [mapc, 'build', '-q', '--to', 'html', '--out', html, set.folder], { cwd: root });
  const pages = readdirSync(html).filter((name) => name.endsWith('.html')).map((name) => join(html, name));
  const floorOut = join(scratch, `floor-pdf-${count}`);
  const out = join(scratch, `pdf-${count}`);
  const peer = count === 1 ? mdToPdfPeer() : undefined;
  const [subject, floor] = measureTogether([
    { command: node, args: [mapc, 'build', '-q', '--to', 'pdf', '--out', out, set.folder], prepare: emptyFolders(out) },
    { command: node, args: [join(root, 'bench/floor-print-pdf.js'), floorOut, ...pages], prepare: emptyFolders(floorOut) },
  ]);
  row(
    `pdf-${count}`, `build --to pdf, ${count} plan${count === 1 ? '' : 's'}`, subject,
    'bare puppeteer, same Chromium and HTML, as many pages at once', floor,
    peer ? 'md-to-pdf, the same plan as Markdown, same Chromium' : '', peer, count === 1 ? 'at most 1.3x the floor, at most half the peer' : 'at most 1.15x the floor',
  );
}
if (wanted('diff-1000')) {
  const years = [1, 2].map((year) => {
    const file = join(scratch, `diff-year-${year}.yaml`);
    writeFileSync(file, generateDiffPlan(year));
    return file;
  });
  // mapc diff exits 1 when the plans differ (cli.md), as these do.
  row('diff-1000', 'diff two plans of 1,000 actions, whole process', measure(node, [mapc, 'diff', ...years], [1]), "node -e ''", nodeFloor(), '', undefined, 'under 500 ms');
}
if (wanted('diff-iow')) row('diff-iow', 'diff the two Isle of Wight years', measure(node, [mapc, 'diff', 'plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/isle-of-wight-qp-map-2003-04.yaml'], [1]), "node -e ''", nodeFloor(), '', undefined, 'under 500 ms');

// mapc import on a 50-page document: Devon's part 3.2 (about four pages) thirteen times over in one web page.
if (wanted('import-50-pages')) {
  const [head, rest] = readFileSync(join(root, 'tests/fixtures/import/devon-children-and-families.html'), 'utf8').split('<main>');
  const [body, tail] = rest.split('</main>');
  const fifty = join(scratch, 'fifty-pages.html');
  writeFileSync(fifty, `${head}<main>${body.repeat(13)}</main>${tail}`);
  row('import-50-pages', 'import a 50-page document (one web page, 91 themes, 728 achievements and actions)', measure(node, [mapc, 'import', fifty]), "node -e ''", nodeFloor(), '', undefined, 'seconds, not minutes');
}

// validate on one plan of 50 KB, 500 KB and 5 MB (the size limit): the time should grow about linearly.
if (wanted('validate-size')) {
  const sizes = [50_000, 500_000, 5_000_000];
  const files = sizes.map((bytes) => {
    const file = join(scratch, `plan-${bytes}.yaml`);
    writeFileSync(file, planOfSize(bytes));
    return file;
  });
  // The repeated objectives cover QP1 again and again, which a qp-map's rules may report: exit 1 is an answer too.
  const [small, medium, large] = measureTogether(files.map((file) => ({ command: node, args: [mapc, 'validate', file], okCodes: [0, 1] })));
  const perKb = (m, bytes) => `${((m.median - nodeFloor().median) / (bytes / 1000)).toFixed(2)} ms a KB over node's start`;
  row('validate-size', `validate 50 KB (${perKb(small, sizes[0])}) / 500 KB (${perKb(medium, sizes[1])}) / 5 MB (${perKb(large, sizes[2])}); 500 KB and 5 MB below`, small, '500 KB', medium, '5 MB', large, 'about linear: 10x the file, about 10x the time over the start');
}

// A run of some rows only leaves the last whole run's figures in place.
if (!only) writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ runs, node: process.version, rows }, null, 2) + '\n');
rmSync(scratch, { recursive: true, force: true });

// diffPlans itself, in-process, on the same two plans of 1,000 actions.
if (wanted('diffplans')) {
  console.log('');
  execFileSync(node, [join(root, 'bench/diff.js'), '--runs', String(runs)], { cwd: root, stdio: 'inherit' });
}
