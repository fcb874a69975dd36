import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';

/** "code severity line:column" for each problem. */
function problems(source: string): string[] {
  return checkPlanSource(source).problems.map((p) => `${p.code} ${p.severity} ${p.line}:${p.column}`);
}

describe('rule/link-scheme', () => {
  it('a javascript:, data: or file: link is an error at the link itself, in every form of Markdown link', () => {
    const source = `${MINIMAL_PLAN}    achievements:
      - See [the report](javascript:alert(1)) and [more](https://example.org).
      - "Mail <mailto:a@example.org> or open <data:text/html,hi>."
summary: |
  Read the [annex][a].

  [a]: file:///etc/passwd
`;
    expect(problems(source)).toEqual(['rule/link-scheme error 11:26', 'rule/link-scheme error 12:47', 'rule/link-scheme error 16:8']);
  });

  it('says what to do, and leaves https:, http:, mailto: and in-page links alone', () => {
    const bad = checkPlanSource(`${MINIMAL_PLAN}    achievements:\n      - A [link](JavaScript:void(0)).\n`).problems;
    expect(bad.map((p) => p.message)).toEqual([
      "This link goes to a 'JavaScript:' address. Plans may link only to https:, http: and mailto: addresses, so the documents would leave it out: link to a web page instead, or remove it.",
    ]);
    const good = `${MINIMAL_PLAN}    achievements:\n      - "[a](https://a.example) [b](HTTP://b.example) <mailto:c@example.org> [d](#qp1) ratio 3:1 (see: below)"\n`;
    expect(problems(good)).toEqual([]);
  });

  it('scans a long field once: a megabyte of near-links is checked in a moment', () => {
    const text = '](x'.repeat(300_000);
    const started = Date.now();
    expect(problems(`${MINIMAL_PLAN}    achievements:\n      - "${text}"\n`).filter((p) => p.startsWith('rule/link'))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
