/**
 * Abbreviations in plan text: "CAMHS", "IM&T", plurals such as "PEPs". An abbreviation is
 * expanded when the glossary has it or the text writes it once as "Full Name (ABBR)";
 * the rule warns about the others and the renderer marks each with <abbr title>.
 */
import type { Plan } from './model.js';

/** Two or more capitals (with & inside, as in IM&T), optionally a plural s, standing alone as a word. */
const ABBREVIATION = /(?<![\p{L}\p{N}&])([A-Z][A-Z&]*[A-Z])(s?)(?![\p{L}\p{N}&])/gu;
const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'to', 'in', 'on', '&']);

export interface AbbreviationUse {
  /** As written, e.g. "PEPs". */
  text: string;
  /** Singular form, e.g. "PEP". */
  abbreviation: string;
  index: number;
}

/** Words written in capitals for emphasis ("do NOT"), which no glossary should need. */
const EMPHASIS_WORDS = new Set(['NOT', 'OK', 'AND', 'OR', 'THE', 'NO', 'YES', 'ALL', 'NB', 'AM', 'PM', 'TO', 'OF', 'IN', 'IS', 'IT', 'BE', 'WE', 'ON', 'AT', 'BY', 'IF', 'DO', 'SO', 'UP', 'AN', 'AS', 'MUST', 'NEW', 'ONLY', 'NOW']);

/** Roman numerals ("Part III") are capitals but not abbreviations. */
const ROMAN_NUMERAL = /^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

/** A longer run of capitals is a shouted word or a code, not an abbreviation (and not worth quoting in a warning). */
const MAX_ABBREVIATION_LENGTH = 20;

export function findAbbreviations(text: string): AbbreviationUse[] {
  return [...text.matchAll(ABBREVIATION)]
    .filter((m) => m[1]!.length <= MAX_ABBREVIATION_LENGTH && !ROMAN_NUMERAL.test(m[0]) && !EMPHASIS_WORDS.has(m[0]) && !isShouted(text, m.index, m[0].length))
    .map((m) => ({ text: m[0], abbreviation: m[1]!, index: m.index }));
}

/** A word in a run of capitals ("SUMMARY AND PURPOSE", "NOT") is emphasis, not an abbreviation. */
function isShouted(text: string, index: number, length: number): boolean {
  const before = /([\p{L}&]+)[ \t]{1,2}$/u.exec(text.slice(Math.max(0, index - 40), index))?.[1];
  const after = /^[ \t]{1,2}([\p{L}&]+)/u.exec(text.slice(index + length, index + length + 40))?.[1];
  const capitals = (word: string | undefined) => word !== undefined && word.length >= 2 && word === word.toUpperCase() && /\p{Lu}{2}/u.test(word);
  return capitals(before) || capitals(after);
}

/**
 * Text with code spans and web addresses blanked out (same length, so positions hold):
 * `CSV` in code or "QP" in a link's address is not prose that needs expanding.
 */
export function maskNonProse(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return maskLinkTargets(text.replace(/`[^`]*`/g, blank)).replace(/<?(https?:|mailto:)[^\s>)]*>?/gi, blank);
}

/**
 * `](address)` with the address blanked, in one pass: as /\]\([^)]*\)/g did, but once no
 * `)` is left no later `](` is tried (that regex read to the end of the text from each one).
 */
function maskLinkTargets(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('](', at);
    if (open < 0) break;
    const close = text.indexOf(')', open + 2);
    if (close < 0) break;
    out += text.slice(at, open + 1) + ' '.repeat(close - open);
    at = close + 1;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * Expansions written in the text as "Full Name (ABBR)": the words before the bracket
 * whose initials spell the abbreviation ("Looked-after Children (LAC)").
 */
export function inlineExpansions(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/\(([A-Z][A-Z&]*[A-Z])s?\.?\)/g)) {
    const abbreviation = m[1]!;
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const expansion = expansionBefore(before, abbreviation);
    if (expansion && !found.has(abbreviation)) found.set(abbreviation, expansion);
  }
  // The other order: "CAMHS (Child and Adolescent Mental Health Services)".
  for (const m of text.matchAll(/(?<![\p{L}&])([A-Z][A-Z&]*[A-Z])s?\s+\(([^()]{3,200})\)/gu)) {
    const abbreviation = m[1]!;
    const expansion = expansionBefore(m[2]!.replace(/\.$/, ''), abbreviation);
    if (expansion && expansion === m[2]!.replace(/\.$/, '').trim() && !found.has(abbreviation)) found.set(abbreviation, expansion);
  }
  return found;
}

function expansionBefore(before: string, abbreviation: string): string | undefined {
  const initials = abbreviation.replace(/&/g, '').toLowerCase();
  const words = before.trimEnd().split(/\s+/);
  let wanted = initials.length - 1;
  let firstWord = words.length;
  for (let w = words.length - 1; w >= 0 && wanted >= 0; w--) {
    const word = words[w] === '&' ? '&' : words[w]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (word === '') break;
    if (SMALL_WORDS.has(word.toLowerCase())) {
      firstWord = w;
      continue;
    }
    // "Looked-after" gives two initials (LAC), "Multi-agency" one (MAP), "Children's" one.
    const parts = word.split('-').filter(Boolean).reverse();
    const allParts = parts.length > 1 && parts.length <= wanted + 1 && parts.every((part, i) => part[0]!.toLowerCase() === initials[wanted - i]);
    if (allParts) wanted -= parts.length;
    else if (word[0]!.toLowerCase() === initials[wanted]) wanted--;
    else return undefined;
    firstWord = w;
  }
  if (wanted >= 0) return undefined;
  return words
    .slice(firstWord)
    .join(' ')
    .replace(/^[^\p{L}]+/u, '');
}

/** The expansion of every abbreviation the plan explains: the glossary first, then the text. */
export function knownExpansions(plan: Plan): ReadonlyMap<string, string> {
  let known = expansionsOfPlan.get(plan);
  if (!known) {
    known = findKnownExpansions(plan);
    expansionsOfPlan.set(plan, known);
  }
  return known;
}

/** The rule and every document of a plan ask for its expansions: each plan's are found once (a profile showed them 2% of an HTML build). */
const expansionsOfPlan = new WeakMap<Plan, ReadonlyMap<string, string>>();

function findKnownExpansions(plan: Plan): Map<string, string> {
  const known = new Map<string, string>();
  for (const { text } of proseFields(plan)) {
    for (const [abbreviation, expansion] of inlineExpansions(text)) {
      if (!known.has(abbreviation)) known.set(abbreviation, expansion);
    }
  }
  for (const [abbreviation, expansion] of Object.entries(plan.glossary)) {
    known.set(abbreviation, expansion);
    // A glossary entry for "PEPs" also explains "PEP", and the other way round.
    const singular = abbreviation.replace(/s$/, '');
    if (singular !== abbreviation && !known.has(singular)) known.set(singular, expansion);
  }
  return known;
}

export interface ProseField {
  pointer: string;
  text: string;
}

/** Every field of a plan that is written for people to read, with its pointer. */
export function proseFields(plan: Plan): ProseField[] {
  const out: ProseField[] = [];
  const add = (pointer: string, text: string | undefined) => {
    if (text !== undefined) out.push({ pointer, text });
  };
  add('/title', plan.title);
  add('/service', plan.service);
  add('/part/title', plan.part?.title);
  add('/summary', plan.summary);
  plan.emphases.forEach((text, i) => add(`/emphases/${i}`, text));
  // Items may be written as text or as a mapping with text:, so they are pointed at whole.
  for (const k of plan.keyActions) add(k.textPointer ?? k.pointer, k.text);
  for (const o of plan.objectives) {
    if (o.titleSource === 'plan') add(`${o.pointer}/title`, o.title);
    add(`${o.pointer}/summary`, o.summary);
    for (const a of o.achievements) add(a.textPointer ?? a.pointer, a.text);
    for (const a of o.actions) {
      add(a.textPointer ?? a.pointer, a.text);
      add(`${a.pointer}/lead`, a.lead);
      a.partners.forEach((p, i) => add(`${a.pointer}/partners/${i}`, p));
    }
  }
  for (const i of plan.indicators) {
    add(`${i.pointer}/label`, i.label);
    add(`${i.pointer}/note`, i.note);
  }
  if (plan.strategy) {
    add('/strategy/title', plan.strategy.title);
    for (const item of plan.strategy.items) {
      add(`${item.pointer}/title`, item.title);
      add(`${item.pointer}/text`, item.text);
      for (const t of item.targets) add(`${t.pointer}/text`, t.text);
    }
  }
  for (const f of plan.funding) {
    add(`${f.pointer}/source`, f.source);
    add(`${f.pointer}/note`, f.note);
  }
  const r = plan.report;
  if (r) {
    add('/report/committee', r.committee);
    add('/report/title', r.title === plan.title ? undefined : r.title);
    add('/report/from', r.from);
    add('/report/purpose', r.purpose);
    add('/report/background', r.background);
    r.sections.forEach((s, i) => {
      add(`/report/sections/${i}/heading`, s.heading);
      add(`/report/sections/${i}/body`, s.body);
      add(`/report/sections/${i}/closing`, s.closing);
    });
    add('/report/conclusion', r.conclusion);
    r.recommendations.forEach((text, i) => add(`/report/recommendations/${i}`, text));
    r.backgroundPapers.forEach((text, i) => add(`/report/backgroundPapers/${i}`, text));
    r.contacts.forEach((c, i) => add(`/report/contacts/${i}/role`, c.role));
    add('/report/signedBy/role', r.signedBy?.role);
  }
  return out;
}
