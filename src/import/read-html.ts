import { parseDocument } from 'htmlparser2';
import { squeeze, type Block, type ListItem } from './blocks.js';
import { isNavigation } from './read-text.js';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

/** What a page has that is not the document: scripts, navigation, site banners and footers, controls. */
const LEFT_OUT = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'svg', 'head', 'button', 'form', 'iframe', 'object', 'select', 'input', 'textarea', 'img', 'picture', 'video', 'audio', 'canvas', 'map']);
const HIDDEN_CLASS = /\b(skip-link|visually-hidden|sr-only|screen-reader-text|breadcrumbs?|cookie[\w-]*)\b/i;
const CONTAINERS = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'blockquote', 'figure', 'figcaption', 'center', 'address', 'details', 'summary', 'fieldset', 'hgroup', 'caption', 'tbody', 'thead', 'tfoot']);
/** Past this depth of nesting a page is hostile or broken; its text is still read, flat. */
const MAX_DEPTH = 100;

/**
 * An HTML page (or the HTML mammoth makes of a Word document) as blocks, through a real
 * parser: headings, paragraphs, lists with what is nested in them, tables cell by cell.
 * Navigation, footers, asides and a site banner are left out; a `<header>` with the
 * page's `<h1>` is the document's own title block, and is kept.
 */
export function readHtml(html: string): Block[] {
  return blocksOf(parseDocument(html).children, 0);
}

function blocksOf(nodes: ChildNode[], depth: number): Block[] {
  const blocks: Block[] = [];
  let inline = '';
  const flush = () => {
    const text = squeeze(inline);
    inline = '';
    if (text !== '' && !isNavigation(text)) blocks.push({ type: 'paragraph', text });
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      inline += node.data;
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (isLeftOut(element, name)) continue;
    if (name === 'br' || name === 'hr') {
      flush();
    } else if (/^h[1-6]$/.test(name)) {
      flush();
      const text = squeeze(textOf(element));
      if (text) blocks.push({ type: 'heading', level: Number(name[1]), text });
    } else if (name === 'p') {
      flush();
      blocks.push(...blocksOf(element.children, depth + 1).map((b) => b));
    } else if (depth < MAX_DEPTH && (name === 'ul' || name === 'ol')) {
      flush();
      const items = element.children.filter((c): c is Element => c.type === 'tag' && c.name === 'li').map((li) => listItem(li, depth + 1));
      if (items.length > 0) blocks.push({ type: 'list', ordered: name === 'ol', items });
    } else if (depth < MAX_DEPTH && name === 'table') {
      flush();
      blocks.push(...tableBlocks(element, depth));
    } else if (name === 'dl') {
      flush();
      blocks.push(...definitions(element));
    } else if (depth < MAX_DEPTH && (CONTAINERS.has(name) || name === 'li')) {
      flush();
      blocks.push(...blocksOf(element.children, depth + 1));
    } else {
      inline += textOf(element);
    }
  }
  flush();
  return blocks;
}

function isLeftOut(element: Element, name: string): boolean {
  if (LEFT_OUT.has(name)) return true;
  const attributes = element.attribs;
  if ('hidden' in attributes || attributes['aria-hidden'] === 'true' || HIDDEN_CLASS.test(attributes.class ?? '')) return true;
  const role = attributes.role ?? '';
  if (role === 'navigation' || role === 'contentinfo' || role === 'search') return true;
  // A site banner (logo, links) is left out; a header holding the page's title is the document's.
  if (name === 'header' || role === 'banner') return !hasDescendant(element, 'h1', 0);
  return false;
}

function listItem(li: Element, depth: number): ListItem {
  const blocks = blocksOf(li.children, depth);
  const first = blocks[0];
  if (first && (first.type === 'paragraph' || first.type === 'heading')) return { text: first.text, blocks: blocks.slice(1) };
  return { text: '', blocks };
}

/**
 * A table as a block, after the rows that span it ahead of its first row of items: a title
 * row or a summary under the column headings (mapc's own two-column themes have both, so
 * that a printed page repeats the title with the headings) is read before the table, as a
 * heading and paragraphs are. A spanning row among the items stays where it is.
 */
function tableBlocks(table: Element, depth: number): Block[] {
  const rows = rowsOf(table).map((row) => ({ row, cells: cellsOf(row) }));
  const columns = Math.max(0, ...rows.map(({ cells }) => cells.length));
  const isHeader = (cells: Element[]) => cells.every((cell) => cell.name === 'th');
  const before: Block[] = [];
  const kept: Block[][][] = [];
  let items = false;
  for (const { cells } of rows) {
    if (!items && columns > 1 && cells.length === 1) before.push(...blocksOf(cells[0]!.children, depth + 1));
    else {
      items ||= !isHeader(cells);
      kept.push(cells.map((cell) => blocksOf(cell.children, depth + 1)));
    }
  }
  return [...before, { type: 'table', rows: kept }];
}

function rowsOf(table: Element): Element[] {
  return table.children.flatMap((child): Element[] => {
    if (child.type !== 'tag') return [];
    if (child.name === 'tr') return [child];
    return ['thead', 'tbody', 'tfoot'].includes(child.name) ? child.children.filter((c): c is Element => c.type === 'tag' && c.name === 'tr') : [];
  });
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
}

/** A definition list ("Period" / "2002-03") as "Period: 2002-03" paragraphs. */
function definitions(dl: Element): Block[] {
  const out: Block[] = [];
  let term = '';
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      if (node.name === 'dt') term = squeeze(textOf(node)).replace(/\s*:$/, '');
      else if (node.name === 'dd') out.push({ type: 'paragraph', text: term ? `${term}: ${squeeze(textOf(node))}` : squeeze(textOf(node)) });
      else if (node.name === 'div') visit(node.children);
    }
  };
  visit(dl.children);
  return out;
}

/** The text of an element, without what is left out (scripts, hidden text); a line break is a space. */
function textOf(element: Element): string {
  let text = '';
  const visit = (nodes: ChildNode[], depth: number) => {
    for (const node of nodes) {
      if (node.type === 'text') text += node.data;
      else if (node.type === 'tag' && !isLeftOut(node, node.name.toLowerCase())) {
        if (node.name === 'br') text += ' ';
        else if (depth < MAX_DEPTH * 10) visit(node.children, depth + 1);
      }
    }
  };
  visit(element.children, 0);
  return text;
}

function hasDescendant(element: Element, name: string, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return element.children.some((c) => c.type === 'tag' && (c.name === name || hasDescendant(c, name, depth + 1)));
}
