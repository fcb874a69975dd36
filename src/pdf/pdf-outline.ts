import { blankStrings, objectBody } from './pdf-incremental-update.js';

export interface Heading {
  level: number;
  text: string;
}

/** The headings of an HTML document in order, as text (tags dropped, entities decoded). */
export function headingsOf(html: string): Heading[] {
  const body = html.slice(Math.max(0, html.indexOf('<body')));
  return [...body.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: decodeText(m[2]!) }));
}

function decodeText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ChromeItem {
  title: string;
  dest: string;
  structureElement: string | undefined;
}

/**
 * A new outline for a Chromium PDF: bookmarks for headings of levels 1-3 only, titled
 * with the heading's own text. Chromium outlines every heading level, and drops the
 * space where a long heading wraps ("capable ofproviding"); its destinations are kept.
 * Returns the new objects, numbered from `firstNumber`, and the outline root's number;
 * or undefined when Chromium's outline does not match the headings one for one.
 */
export function rebuildOutline(pdf: string, catalog: string, headings: Heading[], firstNumber: number, maxLevel = 3): { objects: Map<number, string>; root: number } | undefined {
  const rootNumber = /\/Outlines\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (!rootNumber) return undefined;
  const items: ChromeItem[] = [];
  const walk = (first: string | undefined) => {
    for (let number = first; number; ) {
      const body = objectBody(pdf, Number(number));
      // Keys are looked for with the strings blanked: a title may contain "/First 2 0 R".
      const keys = blankStrings(body);
      const dest = /\/Dest\s*(\[[^\]]*\])/.exec(keys);
      if (!dest) return;
      items.push({
        title: readTitle(body, keys),
        dest: body.slice(dest.index + dest[0].length - dest[1]!.length, dest.index + dest[0].length),
        structureElement: /\/SE\s+(\d+\s+0\s+R)/.exec(keys)?.[1],
      });
      walk(/\/First\s+(\d+)\s+0\s+R/.exec(keys)?.[1]);
      number = /\/Next\s+(\d+)\s+0\s+R/.exec(keys)?.[1];
    }
  };
  walk(/\/First\s+(\d+)\s+0\s+R/.exec(blankStrings(objectBody(pdf, Number(rootNumber))))?.[1]);
  // Chromium leaves out headings that are not printed (display: none): pair by text.
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const paired: { heading: Heading; item: ChromeItem }[] = [];
  let h = 0;
  for (const item of items) {
    while (h < headings.length && squeeze(headings[h]!.text) !== squeeze(item.title)) h++;
    if (h === headings.length) return undefined;
    paired.push({ heading: headings[h++]!, item });
  }

  interface Node {
    number: number;
    title: string;
    item: ChromeItem;
    children: Node[];
    parent: Node | undefined;
  }
  const root: Node = { number: firstNumber, title: '', item: { title: '', dest: '', structureElement: undefined }, children: [], parent: undefined };
  const stack: { level: number; node: Node }[] = [{ level: 0, node: root }];
  let next = firstNumber + 1;
  paired.forEach(({ heading, item }) => {
    if (heading.level > maxLevel) return;
    while (stack[stack.length - 1]!.level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    const node: Node = { number: next++, title: heading.text, item, children: [], parent };
    parent.children.push(node);
    stack.push({ level: heading.level, node });
  });

  if (root.children.length === 0) return undefined;
  const count = (node: Node): number => node.children.reduce((sum, child) => sum + 1 + count(child), 0);
  const objects = new Map<number, string>();
  objects.set(root.number, `<</Type /Outlines\n/First ${root.children[0]!.number} 0 R\n/Last ${root.children.at(-1)!.number} 0 R\n/Count ${count(root)}>>`);
  const write = (node: Node) => {
    node.children.forEach((child, i) => {
      const siblings = node.children;
      const lines = [
        `/Title ${pdfTextString(child.title)}`,
        `/Dest ${child.item.dest}`,
        `/Parent ${node.number} 0 R`,
        ...(child.item.structureElement ? [`/SE ${child.item.structureElement}`] : []),
        ...(i > 0 ? [`/Prev ${siblings[i - 1]!.number} 0 R`] : []),
        ...(i < siblings.length - 1 ? [`/Next ${siblings[i + 1]!.number} 0 R`] : []),
        ...(child.children.length > 0 ? [`/First ${child.children[0]!.number} 0 R`, `/Last ${child.children.at(-1)!.number} 0 R`, `/Count ${count(child)}`] : []),
      ];
      objects.set(child.number, `<<${lines.join('\n')}>>`);
      write(child);
    });
  };
  write(root);
  return { objects, root: root.number };
}

/** A PDF text string: UTF-16BE with a byte-order mark, in hex, so any character survives. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** An outline item's /Title: a literal string (with escapes) or UTF-16BE hex, as Chromium writes either. */
function readTitle(body: string, keys: string): string {
  const at = /\/Title\s*([(<])/.exec(keys);
  if (!at) return '';
  const open = at.index + at[0].length - 1;
  // The string runs to the delimiter the blanked text shows closing it.
  const close = keys.indexOf(at[1] === '<' ? '>' : ')', open + 1);
  const content = body.slice(open + 1, close);
  if (at[1] === '<') {
    const bytes = Buffer.from(content.replace(/\s/g, ''), 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  }
  const literal = [content];
  return literal[0]!.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
    /^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c,
  );
}

