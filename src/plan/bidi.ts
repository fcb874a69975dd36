/**
 * Right-to-left text, and above all direction controls left open (a right-to-left
 * override, the "Trojan Source" trick), would run on past a plan's text into whatever the
 * document prints next: figures, dates, labels turned around. Such text is closed off
 * (every embedding or override opened gets its POP DIRECTIONAL FORMATTING, every isolate
 * its POP DIRECTIONAL ISOLATE) and set in an isolate of its own (FIRST STRONG ISOLATE …
 * POP DIRECTIONAL ISOLATE), which works wherever the text is printed, markup or not.
 * Left-to-right text without controls is unchanged.
 */
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);
const POP_FORMATTING = '\u202C';
const POP_ISOLATE = '\u2069';
const FIRST_STRONG_ISOLATE = '\u2068';
/** Hebrew, Arabic, Syriac, Thaana, N'Ko and the like, their presentation forms, and the controls. */
const NEEDS_ISOLATING = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u202A-\u202E\u2066-\u2069]|\uD802[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDD5F]/;

export function closeDirectionControls(text: string): string {
  if (!NEEDS_ISOLATING.test(text)) return text;
  const open: string[] = [];
  for (const c of text) {
    if (EMBEDDINGS.has(c)) open.push(POP_FORMATTING);
    else if (ISOLATES.has(c)) open.push(POP_ISOLATE);
    else if (c === POP_FORMATTING && open.at(-1) === POP_FORMATTING) open.pop();
    else if (c === POP_ISOLATE) {
      // A PDI closes its isolate and any embedding opened inside it.
      const at = open.lastIndexOf(POP_ISOLATE);
      if (at >= 0) open.length = at;
    }
  }
  return FIRST_STRONG_ISOLATE + text + open.reverse().join('') + POP_ISOLATE;
}

/** The same for every string of a plan file's data (unchanged, not copied, when no string needs it: the usual case). */
export function closeDirectionControlsIn<T>(data: T): T {
  return anyNeedsIsolating(data) ? closedCopy(data) : data;
}

function anyNeedsIsolating(data: unknown): boolean {
  if (typeof data === 'string') return NEEDS_ISOLATING.test(data);
  if (Array.isArray(data)) return data.some(anyNeedsIsolating);
  if (data !== null && typeof data === 'object') return Object.values(data).some(anyNeedsIsolating);
  return false;
}

function closedCopy<T>(data: T): T {
  if (typeof data === 'string') return closeDirectionControls(data) as T;
  if (Array.isArray(data)) return data.map((item) => closedCopy(item)) as T;
  if (data !== null && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, closedCopy(value)])) as T;
  }
  return data;
}
