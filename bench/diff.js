// Benchmark: mapc diff's core, diffPlans, on two generated plans of 1,000 actions each
// (20 objectives of 50), timed in-process: the median of several runs, with min and max.
// Reading and checking the plan files is timed apart, since `mapc diff` does that once per
// file whatever the diff costs.  Usage: npm run build && node bench/diff.js [--runs N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// mapc's public API (package.json "exports"), as a script of a council's would call it.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { diffPlans, loadPlan } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const { generateDiffPlan } = await import('./generate-plans.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

const load = (file) => {
  const { plan: model, problems } = loadPlan(file);
  if (!model) throw new Error(`the generated plan is invalid: ${problems[0]?.message}`);
  return model;
};

function measure(work) {
  work(); // warm up
  const samples = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    work();
    return Number(process.hrtime.bigint() - start) / 1e6;
  }).sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1] };
}

const scratch = mkdtempSync(join(tmpdir(), 'mapc-bench-diff-'));
const files = [1, 2].map((year) => {
  const file = join(scratch, `plan-${year}.yaml`);
  writeFileSync(file, generateDiffPlan(year));
  return file;
});
let plans;
const check = measure(() => (plans = files.map(load)));
rmSync(scratch, { recursive: true, force: true });
const count = (p) => p.objectives.reduce((n, o) => n + o.actions.length, 0);
let result;
const diff = measure(() => (result = diffPlans(plans[0], plans[1])));

const ms = (t) => `${t.median.toFixed(1)} ms (${t.min.toFixed(1)}-${t.max.toFixed(1)})`;
console.log(`plans: ${count(plans[0])} and ${count(plans[1])} actions; runs per figure: ${runs} (median, min-max)`);
console.log(`diffPlans:              ${ms(diff)}`);
console.log(`read and check both:    ${ms(check)}`);
const matched = result.changes.filter((c) => c.match?.rule === 'similar').length;
console.log(`found: ${result.changes.length} changes (${matched} by similar wording), ${result.summary.moved} moved; follow-through ${JSON.stringify(result.summary.followThrough)}`);
