/**
 * Achievement or action, from the verb a bullet starts with: "Developed…", "Worked with…",
 * "There has been…" report what was done; "Develop…", "Implement…", "There will be…" say
 * what will be. A small verb-form reading rather than a tagger: council plans open their
 * bullets with a verb, and the few forms that are both past and present ("Set up",
 * "Put", "Cut") are reported as unsure, for the list around them to decide.
 */
export type ListKind = 'achievements' | 'actions';

export interface TenseReading {
  kind?: ListKind;
  /** Why it was read so, or why it could not be. */
  reason: string;
  sure: boolean;
}

const SAME_IN_PAST = new Set(['set', 'put', 'cut', 'let', 'read', 'spread', 'reset', 'upset', 'broadcast', 'input', 'hit', 'shut']);
const IRREGULAR_PAST = new Set(['began', 'brought', 'built', 'bought', 'chose', 'did', 'drew', 'fed', 'found', 'gave', 'got', 'grew', 'held', 'kept', 'knew', 'laid', 'led', 'left', 'lent', 'made', 'met', 'paid', 'ran', 'rose', 'said', 'saw', 'sent', 'sought', 'spent', 'stood', 'struck', 'took', 'taught', 'thought', 'told', 'undertook', 'understood', 'won', 'wrote', 'oversaw', 'overcame']);
/** Verbs council plans start their actions with, in the base form. */
const BASE_VERBS = new Set(('achieve adopt agree align appoint assess audit build carry clarify commission complete consolidate consult continue co-ordinate coordinate create deliver design develop embed enable encourage engage enhance ensure establish evaluate expand explore extend identify implement improve increase introduce involve launch lead maintain make monitor negotiate offer pilot plan prepare produce promote provide raise recruit reduce refocus reorganise replace research restructure review revise roll run secure seek set share simplify start strengthen support sustain target train undertake update use widen work').split(' '));
/** Adverbs that may stand before the verb: "Further develop", "Fully implement". */
const ADVERBS = new Set(['further', 'fully', 'also', 'then', 'successfully', 'jointly']);
/** Words that open a phrase before the verb: "With PCTs, developed…", "In April 2001, there was…". */
const OPENERS = new Set(['with', 'in', 'through', 'by', 'from', 'following', 'after', 'during', 'since', 'together', 'alongside', 'within']);
/** Words ending in -ed that are not verbs in the past. */
const NOT_PAST = new Set(['need', 'red', 'bed', 'seed', 'speed', 'feed', 'shed', 'hundred', 'indeed', 'breed', 'creed', 'deed', 'greed', 'weed']);

export function classifyTense(sentence: string): TenseReading {
  const rest = afterOpeningPhrase(sentence.trim().replace(/^["'‘“(]+/, ''));
  const lower = rest.toLowerCase();
  if (/^(there|it|this|these|we|they)\s+(will|shall|is going to|are going to)\b/.test(lower) || /\b(will|shall) (be|continue)\b/.test(firstWords(lower, 10))) return { kind: 'actions', reason: '"will"', sure: true };
  if (/^(there|it|this|these|we|they)\s+(has|have|had) been\b/.test(lower) || /^(there|it)\s+(was|were)\b/.test(lower)) return { kind: 'achievements', reason: '"has been"', sure: true };
  if (/^to\s+[a-z]/.test(lower)) return { kind: 'actions', reason: '"To …" (an aim)', sure: true };

  const words = rest.split(/\s+/).filter(Boolean);
  const verbAt = ADVERBS.has(words[0]?.toLowerCase() ?? '') && words.length > 1 ? 1 : 0;
  const verb = (words[verbAt] ?? '').toLowerCase().replace(/[^a-z-]/g, '');
  if (SAME_IN_PAST.has(verb)) return { reason: `"${words[verbAt]}" is the same in the past and the present`, sure: false };
  if (IRREGULAR_PAST.has(verb) || (verb.length > 3 && verb.endsWith('ed') && !NOT_PAST.has(verb))) return { kind: 'achievements', reason: `"${words[verbAt]}" (past tense)`, sure: true };
  if (BASE_VERBS.has(verb)) return { kind: 'actions', reason: `"${words[verbAt]}" (an instruction)`, sure: true };
  if (/\b(has|have|had) (been|\w+ed)\b|\bwas\b|\bwere\b/.test(firstWords(lower, 14))) return { kind: 'achievements', reason: 'a statement of what has been', sure: false };
  return { reason: 'no verb it knows at the start', sure: false };
}

/**
 * The sentence from its verb on: "With PCTs, developed…" → "developed…"; "With the
 * Independent Review Unit develop…" → "develop…" (the first word in lower case after the
 * opener that is a verb form).
 */
function afterOpeningPhrase(text: string): string {
  const words = text.split(/\s+/);
  if (!OPENERS.has(words[0]?.toLowerCase() ?? '')) return text;
  const comma = words.slice(0, 7).findIndex((w) => w.endsWith(','));
  if (comma >= 0) return words.slice(comma + 1).join(' ');
  const verb = words.findIndex((w, i) => i > 0 && i < 8 && (BASE_VERBS.has(w) || IRREGULAR_PAST.has(w) || /^[a-z]{2,}ed$/.test(w)));
  return verb > 0 ? words.slice(verb).join(' ') : text;
}

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n).join(' ');
}
