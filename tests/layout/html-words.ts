/**
 * The words of an HTML document that print, in document order, each with what it belongs
 * to: a head (a heading, a table's caption or header row, a paragraph leading into a list), the body, and whether it is
 * inside a two-column block (a strategy theme's achievements beside its actions). Read
 * with a real parser; what the print stylesheet hides (skip link, contents, part links,
 * visually hidden text) and what is never painted (head, SVG titles) is left out.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { tokens } from './tokens.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

export interface HtmlWord {
  text: string;
  /** The head this word is part of (its index among the document's heads), or -1 for body text. */
  head: number;
  /** The two-column block this word is inside (its index), or -1. */
  columns: number;
}

export interface HtmlText {
  words: HtmlWord[];
  /** Each head's text, by index: "Actions for 2002-03: objective 1". */
  heads: string[];
  /** Each two-column block's title, by index: the first heading of the section it is in ("2. Children in need"), or null. */
  blockTitles: (string | null)[];
}

const NOT_PRINTED = new Set(['head', 'script', 'style', 'template', 'title', 'desc']);
const HIDDEN_IN_PRINT = /\b(skip-link|contents|part-navigation|visually-hidden|draft-mark)\b/;
const HEADS = /^(h[1-6]|caption|thead)$/;
/** Elements inside a line of text: a word may run across them ("(<abbr>FGC</abbr>)."). */
const INLINE = new Set(['a', 'abbr', 'span', 'strong', 'em', 'b', 'i', 'code', 'small', 'sub', 'sup', 'cite', 'q', 'time', 'mark', 's', 'u', 'bdi', 'bdo']);

interface Place {
  head: number;
  columns: number;
  /** The first heading of the section the place is in, as tokens joined by spaces. */
  sectionTitle: string | null;
}

/**
 * A paragraph that leads into the list after it ("The key action points for this
 * objective:"): a head, kept with what follows. Not in a two-column block, whose heads are
 * its header rows (an item there is kept whole, lead-in and sub-list together).
 */
function isLeadIn(element: Element): boolean {
  const next = DomUtils.nextElementSibling(element);
  return element.name === 'p' && next !== null && /^(ul|ol)$/.test(next.name);
}

/** The first heading of a section, as its words print: "2. Children in need". */
function titleOf(section: Element): string | null {
  const heading = DomUtils.findOne((e) => /^h[1-6]$/.test(e.name), section.children);
  return heading ? tokens(DomUtils.textContent(heading).replace(/\s+/g, ' ').trim()).join(' ') : null;
}

export function htmlWords(html: string): HtmlText {
  let characters = '';
  const places: Place[] = [];
  let headCount = 0;
  let blocks = 0;
  const blockTitles: (string | null)[] = [];
  const add = (data: string, place: Place) => {
    characters += data;
    for (let i = 0; i < data.length; i++) places.push(place);
  };
  const walk = (nodes: Node[], place: Place): void => {
    for (const node of nodes) {
      if (node.type === 'text') add(node.data, place);
      if (node.type !== 'tag') continue;
      const element = node as Element;
      if (NOT_PRINTED.has(element.name) || HIDDEN_IN_PRINT.test(element.attribs.class ?? '') || 'hidden' in element.attribs) continue;
      const head = place.head === -1 && (HEADS.test(element.name) || (place.columns === -1 && isLeadIn(element))) ? headCount++ : place.head;
      const sectionTitle = element.name === 'section' ? titleOf(element) : place.sectionTitle;
      const isBlock = /\btwo-columns\b/.test(element.attribs.class ?? '');
      if (isBlock) blockTitles.push(sectionTitle);
      const columns = isBlock ? blocks++ : place.columns;
      const boundary = INLINE.has(element.name) ? '' : ' ';
      add(boundary, place);
      walk(element.children, { head, columns, sectionTitle });
      add(boundary, place);
    }
  };
  walk(parseDocument(html).children, { head: -1, columns: -1, sectionTitle: null });
  const words: HtmlWord[] = [];
  for (const match of characters.matchAll(/\S+/g)) {
    const place = places[match.index]!;
    for (const token of tokens(match[0])) words.push({ text: token, ...place });
  }
  const headWords = Array.from({ length: headCount }, (): string[] => []);
  for (const word of words) if (word.head !== -1) headWords[word.head]!.push(word.text);
  return { words, heads: headWords.map((w) => w.join(' ')), blockTitles };
}
