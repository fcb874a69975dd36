import { findAbbreviations } from '../plan/abbreviations.js';
import { escapeHtml } from './escape-html.js';
import { keepYearRanges } from './keep-year-ranges.js';

/**
 * Marks the first use of each known abbreviation in a document as <abbr title="…">, and
 * remembers which were used so that the glossary lists them. One marker per document:
 * Handlebars renders in document order, so "first call" is "first use".
 */
export class AbbreviationMarker {
  private readonly usedAbbreviations = new Set<string>();

  constructor(private readonly expansions: ReadonlyMap<string, string>) {}

  /** Escapes plain text and marks the abbreviations in it, and keeps its year ranges on one line. */
  mark(text: string): string {
    let out = '';
    let at = 0;
    for (const use of findAbbreviations(text)) {
      const expansion = this.expansions.get(use.text) ?? this.expansions.get(use.abbreviation);
      if (expansion === undefined) continue;
      const key = this.expansions.has(use.text) ? use.text : use.abbreviation;
      out += keepYearRanges(escapeHtml(text.slice(at, use.index)));
      out += this.usedAbbreviations.has(key)
        ? escapeHtml(use.text)
        : `<abbr title="${escapeHtml(expansion)}">${escapeHtml(use.text)}</abbr>`;
      this.usedAbbreviations.add(key);
      at = use.index + use.text.length;
    }
    return out + keepYearRanges(escapeHtml(text.slice(at)));
  }

  /** The abbreviations used so far with their expansions, in alphabetical order. */
  used(): { abbreviation: string; expansion: string }[] {
    return [...this.usedAbbreviations]
      .sort((a, b) => a.localeCompare(b, 'en-GB'))
      .map((abbreviation) => ({ abbreviation, expansion: this.expansions.get(abbreviation)! }));
  }
}
