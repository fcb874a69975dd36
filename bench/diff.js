// Benchmark: mapc diff's core, diffPlans, on two generated plans of 1,000 actions each
// (20 objectives of 50), timed in-process: the median of several runs, with min and max.
// Reading and checking the plans is timed apart, since `mapc diff` does that once per
// file whatever the diff costs.  Usage: npm run build && node bench/diff.js [--runs N]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { checkPlanSource } = await import(pathToFileURL(join(root, 'dist/plan/check-plan.js')).href);
const { diffPlans } = await import(pathToFileURL(join(root, 'dist/diff/diff-plans.js')).href);
const { generateDiffPlan } = await import('./generate-plans.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

const load = (source) => {
  const { plan: model, problems } = checkPlanSource(source);
  if (!model || problems.some((p) => p.severity === 'error')) throw new Error(`the generated plan is invalid: ${problems[0]?.message}`);
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

const sources = [generateDiffPlan(1), generateDiffPlan(2)];
let plans;
const check = measure(() => (plans = sources.map(load)));
const count = (p) => p.objectives.reduce((n, o) => n + o.actions.length, 0);
let result;
const diff = measure(() => (result = diffPlans(plans[0], plans[1])));

const ms = (t) => `${t.median.toFixed(1)} ms (${t.min.toFixed(1)}-${t.max.toFixed(1)})`;
console.log(`plans: ${count(plans[0])} and ${count(plans[1])} actions; runs per figure: ${runs} (median, min-max)`);
console.log(`diffPlans:              ${ms(diff)}`);
console.log(`read and check both:    ${ms(check)}`);
const matched = result.changes.filter((c) => c.match?.rule === 'similar').length;
console.log(`found: ${result.changes.length} changes (${matched} by similar wording), ${result.summary.moved} moved; follow-through ${JSON.stringify(result.summary.followThrough)}`);
