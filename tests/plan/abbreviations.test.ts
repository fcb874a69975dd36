import { describe, expect, it } from 'vitest';
import { findAbbreviations, inlineExpansions, maskNonProse } from '../../src/plan/abbreviations.js';

describe('abbreviations', () => {
  it('finds runs of capitals with & and plural s, not codes or mixed-case names', () => {
    const uses = findAbbreviations('The YOT, IM&T and PEPs; not QP1, ConneXions or A.');
    expect(uses.map((u) => [u.text, u.abbreviation])).toEqual([
      ['YOT', 'YOT'],
      ['IM&T', 'IM&T'],
      ['PEPs', 'PEP'],
    ]);
  });

  it('reads "Full Name (ABBR)" by matching initials backwards', () => {
    const text =
      'Child and Adolescent Mental Health Strategy (CAMHS), Looked-after Children (LAC), ' +
      'CareFirst Information Management & Technology (IM&T), the Children\'s National Service Framework (NSF.) ' +
      'and Service Level Agreements (SLAs). Bad (XYZ).';
    expect([...inlineExpansions(text)]).toEqual([
      ['CAMHS', 'Child and Adolescent Mental Health Strategy'],
      ['LAC', 'Looked-after Children'],
      ['IM&T', 'Information Management & Technology'],
      ['NSF', 'National Service Framework'],
      ['SLA', 'Service Level Agreements'],
    ]);
  });
});

describe('abbreviations in real prose', () => {
  it('ignores shouted headings, roman numerals, code and addresses', () => {
    const text = maskNonProse('SUMMARY AND PURPOSE of Part III: do NOT miss `CSV` files at https://example.org/QP or mailto:QP@example.org, see [the IRU](https://x.org/ABC).');
    expect(findAbbreviations(text).map((u) => u.text)).toEqual(['IRU']);
  });

  it('reads "ABBR (Full Name)" and one-initial hyphenated words', () => {
    expect([...inlineExpansions('CAMHS (Child and Adolescent Mental Health Services) and the Multi-agency Assessment Panel (MAP)')]).toEqual([
      ['MAP', 'Multi-agency Assessment Panel'],
      ['CAMHS', 'Child and Adolescent Mental Health Services'],
    ]);
  });
});

describe('rule/unexpanded-abbreviation points at the text', () => {
  it("of an action, achievement or key action written as a mapping (its text:), not at the mapping", async () => {
    const { checkPlanSource } = await import('../../src/plan/check-plan.js');
    const { MINIMAL_PLAN } = await import('../helpers/check-yaml.js');
    const source =
      MINIMAL_PLAN.replace('objectives:', 'keyActions:\n  - text: Work with the PCT.\nobjectives:') +
      '    achievements:\n      - text: The YOT met.\n    actions:\n      - id: plan\n        text: Ask the SSI.\n      - Tell the LSCB.\n';
    const found = checkPlanSource(source).problems.filter((p) => p.code === 'rule/unexpanded-abbreviation');
    expect(found.map((p) => `${p.pointer} ${p.line}:${p.column}`)).toEqual([
      '/keyActions/0/text 8:25',
      '/objectives/0/achievements/0/text 13:19',
      '/objectives/0/actions/0/text 16:23',
      '/objectives/0/actions/1 17:18',
    ]);
  });
});
