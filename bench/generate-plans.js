// Synthetic plans of a realistic size, for benchmarks: a Quality Protects MAP with the
// eleven objectives, 5-10 achievements and 5-10 actions each, 15 indicators and
// plausible text; plan n is always the same.  Usage: node bench/generate-plans.js DIR COUNT
// Also copies of a real plan with only the id changed (writePlanCopies).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const VERBS = ['Develop', 'Extend', 'Review', 'Recruit', 'Establish', 'Strengthen', 'Improve', 'Consolidate', 'Implement', 'Monitor'];
const PAST = ['Developed', 'Extended', 'Reviewed', 'Recruited', 'Established', 'Strengthened', 'Improved', 'Consolidated', 'Implemented', 'Monitored'];
const THINGS = ['the family support service', 'specialist foster care', 'the joint agency teams', 'placement choice for looked after children', 'support to care leavers', 'the assessment framework', 'advocacy for young people', 'respite care for disabled children', 'the independent review unit', 'training for social workers', 'health assessments for looked after children', 'consultation with children and carers'];
const WHY = ['so that children can stay with their families', 'to reduce placement moves', 'to meet the national standards', 'with Health and Education', 'in every area of the county', 'as the inspection recommended', 'within the budget agreed by members'];

/** A small deterministic generator: the same seed, the same words. */
function words(seed) {
  let state = seed * 2654435761 >>> 0;
  return (list) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return list[state % list.length];
  };
}

export function generatePlan(n) {
  const pick = words(n + 1);
  const lines = [
    'mapc: 1',
    `id: bench-plan-${n}`,
    'kind: qp-map',
    `title: Quality Protects Management Action Plan ${n}`,
    `authority: Council ${n}`,
    'service: Social Services',
    'period: 2002-03',
    'status: submitted',
    'dates: { submitted: 2002-01-31 }',
    'objectives:',
  ];
  for (let o = 1; o <= 11; o++) {
    lines.push(`  - id: qp${o}`, `    national: [QP${o}]`, `    indicators: [ind-${o}]`, '    achievements:');
    const achievements = 5 + ((n + o) % 6);
    for (let a = 0; a < achievements; a++) lines.push(`      - ${pick(PAST)} ${pick(THINGS)} ${pick(WHY)}.`);
    lines.push('    actions:');
    const actions = 5 + ((n * 3 + o) % 6);
    for (let a = 0; a < actions; a++) {
      lines.push(`      - id: action-${o}-${a}`, `        text: ${pick(VERBS)} ${pick(THINGS)} ${pick(WHY)}.`, `        lead: Head of Service ${a}`, '        due: 2003-03', '        status: planned');
    }
  }
  lines.push('indicators:');
  for (let i = 1; i <= 15; i++) {
    lines.push(`  - id: ind-${i}`, `    label: Indicator ${i} of ${pick(THINGS)}`, '    unit: percent', `    polarity: ${i % 2 ? 'higher-is-better' : 'lower-is-better'}`, '    period: 2001-02', `    value: ${(n * 7 + i * 3) % 100}`, `    national: ${(i * 11) % 100}`);
  }
  return lines.join('\n') + '\n';
}

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
 * For diffs, two years of a plan of 1,000 actions (20 objectives of 50).
 * Year one: every action open, a third without ids. Year two, as a council edits it: a
 * tenth done, a twentieth dropped, a tenth reworded, one in fifty moved to the next
 * objective, one in twenty removed and as many added, many due dates moved.
 */
export function generateDiffPlan(year) {
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

export function writePlans(folder, count) {
  mkdirSync(folder, { recursive: true });
  for (let n = 0; n < count; n++) writeFileSync(join(folder, `plan-${String(n).padStart(4, '0')}.yaml`), generatePlan(n));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writePlans(process.argv[2], Number(process.argv[3] ?? 1));

/**
 * Plan n as a Markdown document with the same text (the peer md-to-pdf prints Markdown):
 * headings for the objectives, lists of achievements and actions, a table of indicators.
 */
export function generatePlanMarkdown(n) {
  const plan = parse(generatePlan(n));
  const lines = [`# ${plan.title}`, '', `${plan.authority}, ${plan.service}. Period ${plan.period}, submitted ${plan.dates.submitted}.`, ''];
  for (const objective of plan.objectives) {
    lines.push(`## Objective ${objective.national.join(', ')}`, '', '### Achievements', '', ...objective.achievements.map((text) => `- ${text}`), '');
    lines.push('### Actions', '', '| Action | Lead | Due | Status |', '| --- | --- | --- | --- |');
    lines.push(...objective.actions.map((a) => `| ${a.text} | ${a.lead} | ${a.due} | ${a.status} |`), '');
  }
  lines.push('## Indicators', '', '| Indicator | Period | Value | National |', '| --- | --- | --- | --- |');
  lines.push(...plan.indicators.map((i) => `| ${i.label} | ${i.period} | ${i.value}% | ${i.national}% |`), '');
  return lines.join('\n');
}

/**
 * `count` copies of a real plan, `source` (a path), in `folder`: copy n is the file byte for
 * byte with only its `id:` line changed, to `<id>-<n>` (documents are named after ids, and
 * two plans with one id are refused). The line must be there exactly once.
 */
export function writePlanCopies(folder, source, count) {
  const text = readFileSync(source, 'utf8');
  const idLine = /^id: ([a-z0-9-]+)$/gm;
  const found = [...text.matchAll(idLine)];
  if (found.length !== 1) throw new Error(`${source}: expected one top-level "id:" line, found ${found.length}`);
  const [line, id] = found[0];
  const before = text.slice(0, found[0].index);
  const after = text.slice(found[0].index + line.length);
  mkdirSync(folder, { recursive: true });
  for (let n = 0; n < count; n++) {
    const number = String(n).padStart(4, '0');
    writeFileSync(join(folder, `${id}-${number}.yaml`), `${before}id: ${id}-${number}${after}`);
  }
}
