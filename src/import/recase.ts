/**
 * Headings and names written in capitals ("QUALITY PROTECTS OBJECTIVES AND PROGRESS",
 * "C WADDICOR") in normal case: each word as the document itself writes it elsewhere,
 * capitalised where it mostly is ("Quality Protects"), else in lower case; the first
 * word always capitalised.
 */
export class Recaser {
  private readonly capitalised = new Map<string, number>();
  private readonly lower = new Map<string, number>();
  /** Runs of two to five words as the document writes them, by their lower-case form. */
  private readonly phrases = new Map<string, string>();

  constructor(texts: string[]) {
    for (const text of texts) {
      if (isCapitals(text)) continue;
      const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter(Boolean);
      for (let n = 2; n <= 5; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const run = words.slice(i, i + n).join(' ');
          const key = run.toLowerCase();
          if (!this.phrases.has(key) && /\p{Lu}/u.test(run) && !words.slice(i, i + n).some((w) => w.length > 1 && isCapitals(w))) this.phrases.set(key, run);
        }
      }
      for (const word of text.split(/[^\p{L}’'-]+/u)) {
        if (word.length < 2 || word === word.toUpperCase()) continue;
        const key = word.toLowerCase();
        const counts = /^\p{Lu}/u.test(word) ? this.capitalised : this.lower;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }

  /** A line in capitals in the document's own case; a line not in capitals as it is. */
  recase(text: string): string {
    if (!isCapitals(text)) return text;
    return this.byPhrases(text).replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
  }

  /** The longest runs of words the document writes in normal case elsewhere, as it writes them; the rest word by word. */
  private byPhrases(text: string): string {
    const words = text.split(/\s+/);
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      let taken = 0;
      for (let n = Math.min(5, words.length - i); n >= 2 && taken === 0; n--) {
        const run = words.slice(i, i + n);
        const bare = run.map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''));
        const found = bare.every(Boolean) ? this.phrases.get(bare.join(' ').toLowerCase()) : undefined;
        if (found) {
          const cased = found.split(' ');
          out.push(...run.map((w, k) => w.replace(bare[k]!, cased[k]!)));
          taken = n;
        }
      }
      if (taken === 0) {
        out.push(this.byWords(words[i]!, i === 0));
        taken = 1;
      }
      i += taken;
    }
    return out.join(' ');
  }

  private byWords(text: string, atStart: boolean): string {
    let first = atStart;
    return text.replace(/[\p{L}’'-]+/gu, (word) => {
      const key = word.toLowerCase();
      const unseen = !this.capitalised.has(key) && !this.lower.has(key);
      const small = /^(of|and|the|for|to|in|on|at|by|a|an|or|with|from)$/i.test(word);
      // Words the document never writes otherwise: capitalised, as in a name or title ("Social Services Committee").
      const capital = first || /^[A-Z]$/.test(word) || (this.capitalised.get(key) ?? 0) > (this.lower.get(key) ?? 0) || (unseen && !small);
      first = false;
      // Short words never written otherwise are abbreviations (MAP, LAC), and stay in capitals.
      if (word.length <= 3 && unseen && !small) return word;
      return capital ? key.replace(/(^|-)(\p{L})/gu, (_m, dash: string, letter: string) => dash + letter.toUpperCase()) : key;
    });
  }

  /** A person's name in capitals ("C WADDICOR") as a name ("C Waddicor"). */
  static name(text: string): string {
    return isCapitals(text) ? text.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase()) : text;
  }
}

export function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
