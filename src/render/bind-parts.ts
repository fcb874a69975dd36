/**
 * One HTML document of all the parts of a multi-part plan, for printing as one PDF with
 * continuous page numbers: each part's body, its ids prefixed so that they stay unique,
 * its headings moved down a level under the document's own title, each part on a new page.
 */
export function bodyForBinding(partHtml: string, index: number): string {
  const start = partHtml.indexOf('>', partHtml.indexOf('<body')) + 1;
  const end = partHtml.lastIndexOf('</body>');
  const prefix = `part${index + 1}-`;
  return partHtml
    .slice(start, end)
    .replace(/<a class="skip-link"[^>]*>[\s\S]*?<\/a>\n?/, '')
    .replace(/<nav class="part-navigation"[\s\S]*?<\/nav>\n?/, '')
    // A draft part is marked on its own pages (a named page), not on every page of the whole.
    .replace(/<div class="draft-mark" aria-hidden="true"><\/div>\n?/, '')
    // One document has one <main>; a part's becomes a plain division.
    .replace(/<main\b/g, '<div')
    .replace(/<\/main>/g, '</div>')
    .replace(/ id="([^"]+)"/g, ` id="${prefix}$1"`)
    .replace(/ href="#([^"]+)"/g, ` href="#${prefix}$1"`)
    .replace(/ aria-labelledby="([^"]+)"/g, (_, ids: string) => ` aria-labelledby="${ids.split(' ').map((id) => prefix + id).join(' ')}"`)
    .replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 1)}`);
}
