import type { Problem } from '../../problems/problem.js';
import { proseFields } from '../abbreviations.js';
import type { Rule } from './rule.js';

/** The addresses a plan's links may have: the web and e-mail (plan-format.md, "Text"). */
const ALLOWED = new Set(['http', 'https', 'mailto']);

/**
 * The scheme of each link target in Markdown text: inline links `[text](scheme:…)`,
 * autolinks `<scheme:…>` and reference definitions `[label]: scheme:…`. Each pattern is
 * anchored on a fixed character and bounded, so a long field is scanned once.
 */
const LINK_TARGET = /(?:\]\(\s{0,8}<?|<|^[ \t]{0,3}\[[^\]\n]{1,999}\]:[ \t]{0,8}<?)([a-zA-Z][a-zA-Z0-9+.-]{0,31}):([^\s)>]{0,999})/gm;

/** A link the documents would drop (javascript:, data:, file:, …): said at the link, not lost without a word. */
export const linkScheme: Rule = {
  code: 'rule/link-scheme',
  check(plan) {
    const problems: Problem[] = [];
    for (const field of proseFields(plan)) {
      for (const match of field.text.matchAll(LINK_TARGET)) {
        const scheme = match[1]!;
        if (ALLOWED.has(scheme.toLowerCase())) continue;
        problems.push({
          severity: 'error',
          code: 'rule/link-scheme',
          message: `This link goes to a '${scheme}:' address. Plans may link only to https:, http: and mailto: addresses, so the documents would leave it out: link to a web page instead, or remove it.`,
          pointer: field.pointer,
          // The address as written, to place the problem on it (the problem's text does not repeat it).
          needle: `${scheme}:${match[2]}`,
        });
      }
    }
    return problems;
  },
};
