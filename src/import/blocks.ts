/**
 * The common shape every reader (Word, HTML, plain text) turns a document into, so that
 * recognising a council document is written once: headings, paragraphs, lists, tables.
 */
export type Block = Heading | Paragraph | List | Table;

export interface Heading {
  type: 'heading';
  /** 1 to 6; a plain-text reader guesses it from the line's shape. */
  level: number;
  text: string;
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
}

export interface List {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

/** A list item: its own text, and what is nested in it (a sub-list, a further paragraph). */
export interface ListItem {
  text: string;
  blocks: Block[];
}

export interface Table {
  type: 'table';
  /** Rows of cells; each cell holds blocks of its own. */
  rows: Block[][][];
}

/** Spaces of every kind (non-breaking ones from Word too) as one space, trimmed. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b]+/g, ' ').trim();
}

/** Every text of the blocks, in order, tables and nested lists included. */
export function textsOf(blocks: Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return [block.text];
      case 'list':
        return block.items.flatMap((item) => [item.text, ...textsOf(item.blocks)]);
      case 'table':
        return block.rows.flatMap((row) => row.flatMap((cell) => textsOf(cell)));
    }
  });
}
