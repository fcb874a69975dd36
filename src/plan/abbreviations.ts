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

export function findAbbreviations(text: string): AbbreviationUse[] {
  return [...text.matchAll(ABBREVIATION)].map((m) => ({ text: m[0], abbreviation: m[1]!, index: m.index }));
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
    // "Looked-after" gives two initials; "Children's" one.
    const parts = word.split('-').filter(Boolean).reverse();
    for (const part of parts) {
      if (wanted < 0) break;
      if (part[0]!.toLowerCase() !== initials[wanted]) return undefined;
      wanted--;
    }
    firstWord = w;
  }
  if (wanted >= 0) return undefined;
  return words
    .slice(firstWord)
    .join(' ')
    .replace(/^[^\p{L}]+/u, '');
}

/** The expansion of every abbreviation the plan explains: the glossary first, then the text. */
export function knownExpansions(plan: Plan): Map<string, string> {
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
  for (const k of plan.keyActions) add(k.pointer, k.text);
  for (const o of plan.objectives) {
    if (o.titleSource === 'plan') add(`${o.pointer}/title`, o.title);
    add(`${o.pointer}/summary`, o.summary);
    for (const a of o.achievements) add(a.pointer, a.text);
    for (const a of o.actions) {
      add(a.pointer, a.text);
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

