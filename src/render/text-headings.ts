import Token from 'markdown-it/lib/token.mjs';

/**
 * Where the headings an author writes inside a text field (`## Background` in a summary)
 * go in the document's outline. A heading of the text belongs under the heading of the
 * template that holds the field, so the document's heading order holds (axe
 * heading-order, PDF/UA): given `under`, that heading's level, the text's highest heading
 * becomes one below it, the rest keep their steps below that, none more than one below
 * the heading before it, none beyond h6. A field with no heading of its own to sit under
 * (an action, an achievement, a note: items of a list or cells of a table, whose headings
 * would only clutter the outline and the PDF's bookmarks) passes no `under`, and its
 * headings print as paragraphs in bold: the words stay, the outline does not change.
 * `offset` moves them down with the template's own, in a bound part.
 */
export function placeTextHeadings(tokens: Token[], under: number | undefined, offset: number): void {
  const opens = tokens.filter((t) => t.type === 'heading_open');
  if (opens.length === 0) return;
  if (under === undefined) return void tokens.forEach((token, i) => boldParagraph(tokens, token, i));
  const highest = Math.min(...opens.map(depthOf));
  let previous = under;
  const levels = new Map(opens.map((open) => {
    const level = Math.min(6, under + 1 + depthOf(open) - highest, previous + 1);
    previous = level;
    return [open, Math.min(6, level + offset)] as const;
  }));
  let level = 0;
  for (const token of tokens) {
    if (token.type === 'heading_open') level = levels.get(token)!;
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${level}`;
  }
}

function depthOf(token: Token): number {
  return Number(token.tag.slice(1));
}

/** A heading's tokens made a paragraph whose words are strong. */
function boldParagraph(tokens: Token[], token: Token, index: number): void {
  if (token.type === 'heading_open') {
    Object.assign(token, { type: 'paragraph_open', tag: 'p', markup: '' });
    const inline = tokens[index + 1]!;
    inline.children = [new Token('strong_open', 'strong', 1), ...(inline.children ?? []), new Token('strong_close', 'strong', -1)];
  } else if (token.type === 'heading_close') {
    Object.assign(token, { type: 'paragraph_close', tag: 'p', markup: '' });
  }
}
