import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';

function problems(source: string): string[] {
  return checkPlanSource(source).problems.map((p) => `${p.code} ${p.line}:${p.column} ${p.message}${p.suggestion ? ` / ${p.suggestion}` : ''}`);
}

describe('labels: in a plan', () => {
  it('accepts the documents\' own keys, and keeps them in the plan (x- keys left out)', () => {
    const { plan } = checkPlanSource(`${MINIMAL_PLAN}labels:\n  purpose: Summary/purpose\n  x-note: ours\n`);
    expect(plan?.labels).toEqual({ purpose: 'Summary/purpose' });
  });

  it('refuses an unknown key where it is written, with the nearest key', () => {
    const found = problems(`${MINIMAL_PLAN}labels:\n  backgroundPaper: Background papers\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^schema\/unknown-key \d+:3 Unknown key 'backgroundPaper'/);
    expect(found[0]).toContain('backgroundPapers');
  });

  it('refuses a label longer than 200 characters, and an empty one', () => {
    const found = problems(`${MINIMAL_PLAN}labels:\n  purpose: ${'x'.repeat(201)}\n  conclusion: ""\n`);
    expect(found.map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual([expect.stringMatching(/^schema\/\S+ \d+:12$/), expect.stringMatching(/^schema\/\S+ \d+:15$/)]);
  });
});
