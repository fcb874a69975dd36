// Synthetic plans of a realistic size, for benchmarks: a Quality Protects MAP with the
// eleven objectives, 5-10 achievements and 5-10 actions each, 15 indicators and
// plausible text; plan n is always the same.  Usage: node bench/generate-plans.js DIR COUNT
import { mkdirSync, writeFileSync } from 'node:fs';
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
