/**
 * Plans long enough to break every layout of the built-in documents across pages: a MAP
 * with its committee paper (objectives of every length, actions tables of one row to many,
 * indicators, funding, a paper with sections, a signature and Appendix A), and a strategy
 * whose themes run from a few lines to more than a page. The lengths step through many
 * values, so that over the document page breaks fall at every kind of place: before and
 * after headings, captions, header rows, the column headings of a theme, the signature.
 * Plan n is always the same text, and each item starts with its own label ("Action 3.2:"),
 * so that the layout check can tell the items apart in the PDF.
 */

const WORDS = (
  'recruit retain support train review extend develop publish audit commission foster carers children families schools health ' +
  'placements services education parents young people plans teams panel framework budget respite advocacy leaving care ' +
  'housing youth offending mental disability adoption assessment contact carers network district locality partnership ' +
  'register protection conference inspection standards quality performance target outcome record stable local county'
).split(' ');

/** A deterministic sentence of `length` words: the same (seed, length), the same words; another seed, other words. */
function sentence(seed: number, length: number): string {
  let state = (seed * 2654435761) >>> 0;
  const chosen: string[] = [];
  for (let k = 0; k < length; k++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    chosen.push(WORDS[(state >>> 8) % WORDS.length]!);
  }
  const text = chosen.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** 1, 2, 3 … items, then back to 1: objective o of a plan gets (o * step) % most + 1. */
function count(o: number, step: number, most: number): number {
  return ((o * step) % most) + 1;
}

/**
 * A Quality Protects MAP of 11 objectives (one for each national one), 22 indicators (two an
 * objective, so that the indicators table runs across a page), funding and a committee paper.
 */
export function longMapPlan(): string {
  const lines = [
    'mapc: 1',
    'id: long-map',
    'kind: qp-map',
    'title: Quality Protects Management Action Plan 2002-2003',
    'authority: Long County Council',
    'service: Social Services',
    'period: 2002-03',
    'status: submitted',
    'dates: { submitted: 2002-01-31 }',
    'keyActions:',
    ...[1, 2, 3, 4, 5].map((k) => `  - { text: "${sentence(k + 50, 20)}", objectives: [qp${k}] }`),
    'objectives:',
  ];
  for (let o = 1; o <= 11; o++) {
    lines.push(`  - id: qp${o}`, `    national: [QP${o}]`, `    summary: "${sentence(o + 100, 10 + count(o, 7, 30))}"`, '    achievements:');
    for (let a = 0; a < count(o, 5, 7); a++) lines.push(`      - "Achievement ${o}.${a}: ${sentence(1000 + o * 100 + a, 8 + count(a + o, 3, 20))}"`);
    // Objectives 2 and 4 have no actions of their own: the MAP shows the key action points that serve them.
    const actions = o === 2 || o === 4 ? 0 : count(o, 4, 8);
    if (actions > 0) lines.push('    actions:');
    for (let a = 0; a < actions; a++) {
      lines.push(`      - text: "Action ${o}.${a}: ${sentence(3000 + o * 100 + a, 10 + count(a, 7, 25))}"`, `        lead: Head of Service ${a}`, `        partners: [Health, Education]`, '        due: 2003-03');
    }
    lines.push(`    indicators: [ind-${o}, ind-${o + 11}]`);
  }
  lines.push('indicators:');
  for (let i = 1; i <= 22; i++) {
    lines.push(`  - id: ind-${i}`, `    label: "${sentence(i + 200, 4 + (i % 9))}"`, '    unit: percent', `    polarity: ${i % 2 ? 'higher-is-better' : 'lower-is-better'}`, '    period: 2001-02', `    value: ${(i * 37) % 100}`, `    national: ${(i * 11) % 100}`);
  }
  lines.push('funding:');
  for (let f = 1; f <= 14; f++) lines.push(`  - { source: "Grant ${f}", amount: ${f * 10500}, objective: qp${(f % 11) + 1}, period: 2002-03 }`);
  lines.push(...longReport());
  return `${lines.join('\n')}\n`;
}

function longReport(): string[] {
  const lines = [
    'report:',
    "  committee: Children's Committee",
    '  date: 2002-04-30',
    '  paper: "B"',
    '  title: Quality Protects Management Action Plan 2002-2003',
    '  from: Director of Social Services',
    `  purpose: "${sentence(300, 40)}"`,
    `  background: "${sentence(301, 120)}"`,
    '  sections:',
  ];
  for (let s = 0; s < 6; s++) lines.push(`    - heading: Section ${s + 1} of the paper on the plan for 2002-2003`, `      body: "${sentence(310 + s, 40 + s * 23)}"`);
  lines.push(
    `  conclusion: "${sentence(330, 90)}"`,
    '  recommendations:',
    `    - "${sentence(331, 30)}"`,
    `    - "${sentence(332, 25)}"`,
    '  backgroundPapers: [Quality Protects Management Action Plan 2002-2003.]',
    '  contacts: [{ name: A Officer, phone: "01983 123456" }]',
    '  signedBy: { name: A Director, role: Director of Social Services }',
    '  appendix: true',
  );
  return lines;
}

/** A strategy of eight themes, from a few lines each to more than a page. */
export function longStrategyPlan(): string {
  const lines = [
    'mapc: 1',
    'id: long-strategy',
    'kind: strategy',
    'title: Children and Families',
    'authority: Long County Council',
    'service: Social Services',
    'period: 2004-05',
    'reviewPeriod: 2001-2004',
    'status: approved',
    'objectives:',
  ];
  for (let o = 1; o <= 8; o++) {
    lines.push(`  - id: theme-${o}`, `    title: "${sentence(o + 400, 6 + (o % 8))}"`, '    achievements:');
    for (let a = 0; a < count(o, 7, 16); a++) lines.push(`      - "Achievement ${o}.${a}: ${sentence(5000 + o * 100 + a, 12 + count(a, 5, 30))}"`);
    lines.push('    actions:');
    for (let a = 0; a < count(o, 5, 18); a++) lines.push(`      - text: "Action ${o}.${a}: ${sentence(7000 + o * 100 + a, 12 + count(a, 3, 30))}"`);
  }
  lines.push('strategy:', '  title: Medium Term Strategy to 2008', '  horizon: "2008"', '  items:');
  for (let s = 1; s <= 6; s++) lines.push(`    - id: item-${s}`, `      title: "${sentence(s + 500, 6)}"`, `      text: "${sentence(s + 510, 60 + s * 10)}"`);
  return `${lines.join('\n')}\n`;
}
