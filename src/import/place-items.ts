import type { Block, ListItem } from './blocks.js';
import { classifyTense, type ListKind } from './classify-tense.js';
import type { DraftItem, DraftObjective } from './draft.js';
import { listLabel } from './recognise-lines.js';

/** An item waiting for its list: where the document said, else its verb, else its neighbours. */
interface Pending {
  item: DraftItem;
  kind?: ListKind;
  /** Why it is unsure, when the neighbours must decide. */
  unsure?: string;
}

/**
 * Collects one objective's items in document order, then files each under achievements
 * or actions. `list` is what the document says (a heading, a column); `fallback` what
 * the section implies (a committee paper's appendix reports progress).
 */
export class ItemPlacer {
  private readonly pending: Pending[] = [];

  constructor(readonly objective: DraftObjective) {}

  add(text: string, list: ListKind | undefined, fallback: ListKind | undefined, note?: string): void {
    const item: DraftItem = { text };
    if (list) {
      if (note) item.check = note;
      this.pending.push({ item, kind: list });
      return;
    }
    const reading = classifyTense(text.split('\n')[0]!);
    if (fallback) {
      if (reading.kind && reading.kind !== fallback && reading.sure) {
        item.check = `filed as ${reading.kind === 'actions' ? 'an action' : 'an achievement'} by its verb (${reading.reason}), though it is among the ${fallback}`;
        this.pending.push({ item, kind: reading.kind });
      } else {
        if (note) item.check = note;
        this.pending.push({ item, kind: fallback });
      }
      return;
    }
    if (reading.kind && reading.sure) {
      if (note) item.check = note;
      this.pending.push({ item, kind: reading.kind });
    } else this.pending.push({ item, ...(reading.kind ? { kind: reading.kind } : {}), unsure: reading.reason });
  }

  /** Adds the items of blocks: list items, paragraphs, a lead line with its sub-list, a two-column table. */
  addBlocks(blocks: Block[], list: ListKind | undefined, fallback: ListKind | undefined): void {
    let current = list;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const next = blocks[i + 1];
      if (block.type === 'list') for (const item of block.items) this.add(itemMarkdown(item), current, fallback);
      else if (block.type === 'paragraph' || block.type === 'heading') {
        const label = listLabel(block.text);
        if (label && block.text.split(' ').length <= 12 && !/[.]$/.test(block.text)) {
          current = label;
          continue;
        }
        if (/^no (actions|achievements)\b/i.test(block.text)) continue;
        if (block.text.endsWith(':') && next?.type === 'list') {
          this.add(`${block.text}\n\n${next.items.map((item) => `- ${item.text}`).join('\n')}`, current, fallback);
          i++;
        } else this.add(block.text, current, fallback, current || block.type === 'heading' ? undefined : 'not in a list in the document: check it belongs here');
      } else this.addTable(block.rows, fallback);
    }
  }

  private addTable(rows: Block[][][], fallback: ListKind | undefined): void {
    const header = rows[0]?.map((cell) => (cell.length === 1 && cell[0]!.type !== 'list' && cell[0]!.type !== 'table' ? listLabel(cell[0]!.text) : undefined));
    const labelled = header?.some(Boolean) ? header : undefined;
    for (const row of labelled ? rows.slice(1) : rows) row.forEach((cell, c) => this.addBlocks(cell, labelled?.[c], fallback));
  }

  /** Files every item: an unsure one goes with the sure item before it (or after it), marked for checking. */
  finish(): void {
    this.pending.forEach((p, i) => {
      let kind = p.kind;
      if (p.unsure) {
        const before = this.pending.slice(0, i).reverse().find((q) => !q.unsure)?.kind;
        const after = this.pending.slice(i + 1).find((q) => !q.unsure)?.kind;
        kind = before ?? after ?? kind ?? 'actions';
        p.item.check = `${kind === 'actions' ? 'an action' : 'an achievement'}? ${p.unsure}; filed with the items around it`;
      }
      (kind === 'achievements' ? this.objective.achievements : this.objective.actions).push(p.item);
    });
    this.pending.length = 0;
  }
}

/** A list item as markdown: its text, and a nested list as "- " lines under it. */
export function itemMarkdown(item: ListItem): string {
  const nested = item.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => `- ${i.text}`) : b.type === 'paragraph' ? [b.text] : []));
  if (nested.length === 0) return item.text;
  return `${item.text}\n\n${nested.join('\n')}`;
}
