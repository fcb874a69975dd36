import type { ListItem } from './blocks.js';
import type { DraftStrategyItem } from './draft.js';

/**
 * A medium-term strategy item: "Title: text" on one line, as a flattened page prints it,
 * or a title with its text under it (a heading and paragraphs inside a list item), with
 * any "Target 7% by 2008: …" lines as its targets.
 */
export function strategyItem(item: ListItem): DraftStrategyItem {
  const paragraphs = item.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  const targets = item.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => i.text) : [])).map(target);
  if (paragraphs.length > 0) return { title: item.text, text: paragraphs.join('\n\n'), targets: targets.flatMap((t) => (t ? [t] : [])) };
  return strategyItemFromParagraph(item.text) ?? { title: item.text, text: item.text, targets: [] };
}

export function strategyItemFromParagraph(text: string): DraftStrategyItem | undefined {
  const colon = text.indexOf(': ');
  if (colon < 3 || colon > 160) return undefined;
  return { title: text.slice(0, colon).replace(/^\d{1,2}[.)]\s+/, ''), text: text.slice(colon + 2), targets: [] };
}

/** "Target 1% by 2008: To achieve…" (as mapc prints a target) as a target. */
function target(line: string): DraftStrategyItem['targets'][number] | undefined {
  const match = /^Target\s+(-?[\d.]+)(%?)\s*(?:by\s+(\S+?))?:\s*(.+)$/i.exec(line);
  if (!match) return undefined;
  return { text: match[4]!, value: Number(match[1]), ...(match[2] ? { unit: 'percent' } : {}), ...(match[3] ? { by: match[3] } : {}) };
}
