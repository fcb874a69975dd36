import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { findAbbreviations, maskNonProse } from '../../src/plan/abbreviations.js';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';

/** Problems as "code line:column message", the exact form these cases compare. */
const problems = (source: string) => checkPlanSource(source).problems.map((p) => `${p.code} ${p.line}:${p.column} ${p.message}`);

describe('lengths and figures the format bounds', () => {
  it('a 10,000-character id is one problem, saying how long it is', () => {
    expect(problems(MINIMAL_PLAN.replace('id: first', `id: ${'a'.repeat(10_000)}`))).toEqual([
      "schema/too-long 8:9 'id' of objective 1 is 10000 characters long; an id is at most 100.",
    ]);
  });

  it('an id of 100 characters is fine', () => {
    expect(problems(MINIMAL_PLAN.replace('id: first', `id: ${'a'.repeat(100)}`))).toEqual([]);
  });

  it('a 1,000-character key is one problem at the key, not also an unknown key (YAML itself refuses plain keys past 1,024)', () => {
    const long = 'x-' + 'k'.repeat(998);
    expect(problems(MINIMAL_PLAN.replace('    title: First objective\n', `    title: First objective\n    ${long}: 1\n`))).toEqual([
      `schema/too-long 10:5 The key 'x-${'k'.repeat(35)}...' in objective 'first' is 1000 characters long; a key is at most 100.`,
    ]);
    expect(problems(MINIMAL_PLAN.replace('    title: First objective\n', `    title: First objective\n    ${'k'.repeat(101)}: 1\n`))).toEqual([
      `schema/too-long 10:5 The key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...' in objective 'first' is 101 characters long; a key is at most 100.`,
    ]);
  });

  it('a long glossary key drops only that entry: the others still explain the text', () => {
    const source = MINIMAL_PLAN.replace('title: Test plan', 'title: Test plan for CAMHS') + `glossary:\n  CAMHS: Child and Adolescent Mental Health Services\n  ${'A'.repeat(101)}: Too long\n`;
    expect(problems(source)).toEqual([`schema/too-long 12:3 The key '${'A'.repeat(37)}...' in the glossary is 101 characters long; a key is at most 100.`]);
  });

  it('an indicator figure near the double limit is out of range (no "∞" gaps, no 1-pixel charts)', () => {
    const source = MINIMAL_PLAN + 'indicators:\n  - id: big\n    label: Big\n    value: 1.7e308\n    national: -1.7e308\n    target: { value: 1e13 }\n';
    expect(problems(source)).toEqual([
      "schema/out-of-range 13:12 'value' of indicator 'big' is the number 1.7e+308; it must be at most 1000000000000.",
      "schema/out-of-range 14:15 'national' of indicator 'big' is the number -1.7e+308; it must be at least -1000000000000.",
      "schema/out-of-range 15:22 'value' of target of indicator 'big' is the number 10000000000000; it must be at most 1000000000000.",
    ]);
  });

  it('an amount of money past a trillion pounds is out of range, worded as such', () => {
    const source = MINIMAL_PLAN + 'funding:\n  - source: Grant\n    amount: 1e300\n';
    expect(problems(source)).toEqual(["schema/out-of-range 12:13 'amount' of funding line 1 is the number 1e+300; it must be at most 1000000000000."]);
  });
});

describe('abbreviations in very long text', () => {
  it('masks link addresses in one pass, as before', () => {
    expect(maskNonProse('see [the IRU](https://x.org/ABC) and [CSV](a) ](b')).toBe('see [the IRU]                    and [CSV]    ](b');
  });

  it('a run of more than 20 capitals is not an abbreviation', () => {
    expect(findAbbreviations(`the ${'A'.repeat(21)} and ${'B'.repeat(20)}`).map((u) => u.abbreviation)).toEqual(['B'.repeat(20)]);
  });

  it('a 40,000-letter capital word is no internal error and no warning', () => {
    expect(problems(MINIMAL_PLAN.replace('title: First objective', `title: First ${'A'.repeat(40_000)} objective`))).toEqual([]);
  });
});
