// Benchmark: mapc diff's core, diffPlans, on two generated plans of 1,000 actions each
// (20 objectives of 50), timed in-process: the median of several runs, with min and max.
// Reading and checking the plans is timed apart, since `mapc diff` does that once per
// file whatever the diff costs.  Usage: npm run build && node bench/diff.js [--runs N]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { checkPlanSource } = await import(pathToFileURL(join(root, 'dist/plan/check-plan.js')).href);
const { diffPlans } = await import(pathToFileURL(join(root, 'dist/diff/diff-plans.js')).href);
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

const OBJECTIVES = 20;
const ACTIONS = 50;
const WORDS = 'recruit retain support train review extend develop publish audit commission foster carers children families schools health placements services leaving care education parents young people plans teams panel framework budget respite advocacy disability'.split(' ');

/** A deterministic sentence for action i: the same i gives the same words. */
function sentence(i, salt = 0) {
  const words = [];
  for (let k = 0; k < 12; k++) words.push(WORDS[(i * 7 + k * 13 + salt * 31 + ((i * k) % 5)) % WORDS.length]);
  return `${words.join(' ')} (item ${i}).`;
}

/**
 * Year one: every action open, a third without ids. Year two, as a council edits it: a
 * tenth done, a twentieth dropped, a tenth reworded, one in fifty moved to the next
 * objective, one in twenty removed and as many added, many due dates moved.
 */
function plan(year) {
  const lines = ['mapc: 1', `id: bench-${year}`, 'kind: strategy', `title: Bench ${year}`, 'authority: Bench Council', `period: ${year === 1 ? '2002-03' : '2003-04'}`, 'objectives:'];
  const buckets = Array.from({ length: OBJECTIVES }, () => []);
  for (let i = 0; i < OBJECTIVES * ACTIONS; i++) {
    const o = Math.floor(i / ACTIONS);
    if (year === 2 && i % 20 === 7) continue; // removed
    buckets[year === 2 && i % 50 === 11 ? (o + 1) % OBJECTIVES : o].push(i);
  }
  for (let o = 0; o < OBJECTIVES; o++) {
    lines.push(`  - id: o${o}`, `    title: Objective ${o} ${sentence(o, 9)}`, '    actions:');
    for (const i of buckets[o]) lines.push(...action(i, year));
    // As many new actions as were removed.
    if (year === 2) for (let n = 0; n < (o % 2 === 0 ? 3 : 2); n++) lines.push(`      - { id: new-${o}-${n}, text: "${sentence(100000 + o * 100 + n, 3)}" }`);
  }
  return `${lines.join('\n')}\n`;
}

function action(i, year) {
  const id = i % 3 === 0 ? undefined : `a${i}`;
  const reworded = year === 2 && i % 10 === 3;
  const text = reworded ? sentence(i).replace(/^(\S+ \S+)/, '$1 and improve') : sentence(i);
  const status = year === 2 && i % 10 === 5 ? 'done' : year === 2 && i % 20 === 9 ? 'dropped' : 'planned';
  const due = year === 2 && i % 4 === 1 ? '2004-03' : '2003-03';
  return [`      - ${id ? `id: ${id}\n        ` : ''}text: "${text}"`, `        due: ${due}`, `        status: ${status}`];
}

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

const sources = [plan(1), plan(2)];
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
