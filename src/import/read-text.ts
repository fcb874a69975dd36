import { squeeze, type Block, type List } from './blocks.js';

/**
 * Plain text (a page copied from a browser, a text extraction) read by its shape: lines
 * that start with a bullet are list items, "1. Short title" lines are headings and
 * "1. A long sentence." lines numbered items, lines in capitals are headings, a line that
 * starts in lower case continues the line before (a title that wrapped), and the page's
 * navigation ("next > Part 3.3", "< Contents") is left out.
 */
export function readText(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(squeeze).filter((line) => line !== '' && !isNavigation(line));
  const blocks: Block[] = [];
  const listOf = (ordered: boolean): List => {
    const last = blocks[blocks.length - 1];
    if (last?.type === 'list' && last.ordered === ordered) return last;
    const list: List = { type: 'list', ordered, items: [] };
    blocks.push(list);
    return list;
  };
  lines.forEach((line, i) => {
    const bullet = /^[•·▪◦●○■□➢►✓*–-]\s*(.+)$/u.exec(line);
    const numbered = /^(\d{1,2})[.)]\s+(.+)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (!bullet && !numbered && /^[a-z]/.test(line) && last) {
      continueBlock(last, line);
    } else if (bullet) {
      // "• 2. Medium Term Strategy to 2008": a heading that picked up a bullet.
      const inner = bullet[1]!;
      if (/^\d{1,2}[.)]\s+/.test(inner) && isShortTitle(inner.replace(/^\d{1,2}[.)]\s+/, ''))) blocks.push({ type: 'heading', level: 2, text: inner });
      else listOf(false).items.push({ text: inner, blocks: [] });
    } else if (/^Objective\s+\d+\s*[:.]/i.test(line)) {
      blocks.push({ type: 'heading', level: 3, text: line });
    } else if (/^\d+\.\d+\s+[A-Z]/.test(line) && isShortTitle(line)) {
      blocks.push({ type: 'heading', level: 1, text: line });
    } else if (numbered) {
      const next = lines[i + 1] ?? '';
      const beforeBullets = /^[•·▪◦●○■□➢►✓*–-]\s/u.test(next) && !line.endsWith(':');
      if (isShortTitle(numbered[2]!) || beforeBullets) blocks.push({ type: 'heading', level: 2, text: line });
      else listOf(true).items.push({ text: numbered[2]!, blocks: [] });
    } else if (isSectionTitle(line)) {
      blocks.push({ type: 'heading', level: 2, text: line });
    } else if (isCapitals(line)) {
      blocks.push({ type: 'heading', level: 2, text: line.replace(/^[^\p{L}\d]+/u, '') });
    } else {
      blocks.push({ type: 'paragraph', text: line });
    }
  });
  return blocks;
}

/** A title, not a sentence: a dozen words at most, with no full stop at the end. */
function isShortTitle(text: string): boolean {
  return text.split(' ').length <= 12 && !/[.:;,]$/.test(text);
}

/** "Achievements 2001-2004 and Key Actions for 2004/05", "Medium Term Strategy to 2008": a section's title, though not in capitals. */
function isSectionTitle(line: string): boolean {
  return isShortTitle(line) && /^(achievements\b.*\bactions\b|medium[- ]term strategy\b|appendix\b|key action points\b|national emphases\b)/i.test(line);
}

/** "SUMMARY/PURPOSE", ".BACKGROUND", "PAPER B": a line written in capitals. */
function isCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && line.split(' ').length <= 16;
}

/** A page's own navigation, which belongs to no plan. */
export function isNavigation(line: string): boolean {
  return /^(next\s*>|>\s*next\b|<\s*(previous|prev|back|contents|home)\b|previous\s*<|back to (top|contents))/i.test(line) || /^skip to (the )?(main )?content/i.test(line);
}

function continueBlock(block: Block, line: string): void {
  if (block.type === 'list') {
    const item = block.items[block.items.length - 1]!;
    item.text = `${item.text} ${line}`;
  } else if (block.type === 'heading' || block.type === 'paragraph') {
    block.text = `${block.text} ${line}`;
  }
}
