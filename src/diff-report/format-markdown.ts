import type { TextPiece } from '../diff/change.js';
import type { EntityChangeView } from './diff-groups.js';
import type { DiffView } from './diff-view.js';

/**
 * The diff as GitHub-flavoured markdown, for a pull request or a CI job summary: the
 * summary sentence, tables of the follow-through and the indicators, then each section's
 * changes, with removed words in <del> and added ones in <ins>.
 */
export function formatDiffMarkdown(view: DiffView): string {
  const out: string[] = [
    `## ${md(view.heading)}`,
    '',
    `**${md(view.authority)}**: ${md(view.new.title)} (${view.new.period}), \`${code(view.new.file)}\`, compared with ${md(view.old.title)} (${view.old.period}), \`${code(view.old.file)}\`.`,
    '',
    `> **${md(view.summary)}**`,
  ];
  if (view.lowConfidence > 0) out.push('', `≈ ${view.lowConfidence} ${view.lowConfidence === 1 ? 'item was' : 'items were'} paired only by similar wording: please check those marked ≈.`);

  if (view.followThrough.length > 0) {
    out.push('', `### ${md(view.followHeading)}`, '', `| Outcome | Last year's ${md(view.noun.one)} | What the new plan says |`, '| --- | --- | --- |');
    for (const f of view.followThrough) {
      const action = `${f.kind}${f.id ? ` \`${code(f.id)}\`` : ''}: ${md(f.text)}`;
      out.push(row([`${f.symbol} ${f.outcomeLabel}`, action, `${md(f.detail)}${f.how ? ` _(${md(f.how)})_` : ''}${f.lowConfidence ? ' ≈ **check**' : ''}`]));
    }
  }
  if (view.indicators.length > 0) {
    out.push('', '### Performance indicators', '', '| Indicator | Last year | This year | Change | Target | National figure |', '| --- | --- | --- | --- | --- | --- |');
    for (const i of view.indicators) {
      const label = `${md(i.label)}${i.polarity ? ` _(${md(i.polarity.toLowerCase())})_` : ''}${i.lowConfidence ? ' ≈ **check**' : ''}`;
      out.push(row([label, md(i.before), md(i.after), `${i.symbol} ${i.assessmentLabel}${i.note ? `: ${md(i.note)}` : ''}`, md(i.target ?? '–'), md(i.national ?? '–')]));
    }
  }
  if (view.groups.length > 0) out.push('', '### Changes, section by section');
  for (const group of view.groups) {
    out.push('', `#### ${md(group.heading)}`, '');
    for (const item of group.items) out.push(...itemLines(item));
  }
  return `${out.join('\n')}\n`;
}

function itemLines(item: EntityChangeView): string[] {
  const what = item.whatPieces ? words(item.whatPieces) : md(item.what);
  // A "+" after the list's own "-" would start a nested list.
  const lines = [`- ${item.symbol === '+' ? '\\+' : item.symbol} **${item.verb} ${md(item.entity)}:** ${what}${item.details ? ` (${md(item.details)})` : ''}${item.lowConfidence ? ' ≈ **check**' : ''}`];
  if (item.oldWhat) lines.push(`  - rewritten; it was: <del>${md(item.oldWhat)}</del>`);
  if (item.how) lines.push(`  - _${md(item.how)}_`);
  for (const f of item.fields) lines.push(`  - ${md(f.name)}: ${f.pieces ? words(f.pieces) : `${md(f.before ?? 'none')} → ${md(f.after ?? 'none')}`}`);
  return lines;
}

function words(pieces: TextPiece[]): string {
  return pieces.map((p) => (p.op === 'added' ? `<ins>${md(p.text)}</ins>` : p.op === 'removed' ? `<del>${md(p.text)}</del>` : md(p.text))).join(' ');
}

function row(cells: string[]): string {
  // Cell text has been through md(), which escapes pipes and flattens line breaks.
  return `| ${cells.join(' | ')} |`;
}

/** Plan text shown as itself: no markdown or HTML of the plan's may take effect in a PR comment. */
function md(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#~!|])/g, '\\$1')
    .replace(/\s+/g, ' ');
}

/** For a code span; a pipe must be escaped even there, or a table cell ends. */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\|/g, '\\|');
}
