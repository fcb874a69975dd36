import type { TextPiece } from '../diff/change.js';
import type { EntityChangeView } from './diff-groups.js';
import type { DiffView } from './diff-view.js';

type Paint = (codes: string, text: string) => string;

/**
 * The diff for a terminal: the summary sentence first, then what became of last year's
 * actions, the indicators, and the changes section by section. Words carry the meaning
 * (symbols, "[-removed-]{+added+}" as git's word diff writes it); colour, only on a
 * terminal, repeats it.
 */
export function formatDiffText(view: DiffView, options: { color: boolean }): string {
  const paint: Paint = options.color ? (codes, text) => `\x1b[${codes}m${text}\x1b[0m` : (_, text) => text;
  const out: string[] = [];
  out.push(paint('1', view.heading), `${view.authority}: ${view.new.title} (${view.new.period})`, `compared with ${view.old.title} (${view.old.period})`);
  out.push(paint('2', `  last year: ${view.old.file}`), paint('2', `  this year: ${view.new.file}`), '', paint('1', view.summary));
  if (view.lowConfidence > 0) out.push(paint('33', `≈ ${view.lowConfidence} ${view.lowConfidence === 1 ? 'item was' : 'items were'} paired only by similar wording: check those marked ≈.`));

  if (view.followThrough.length > 0) {
    out.push('', paint('1', view.followHeading));
    for (const f of view.followThrough) {
      const colour = f.outcome === 'achieved' || f.outcome === 'done' ? '32' : f.outcome === 'carried-forward' ? '33' : '31';
      out.push(`  ${paint(colour, `${f.symbol} ${f.outcomeLabel}`.padEnd(22))} ${f.kind}${f.id ? ` ${f.id}` : ''}: ${f.text}`);
      out.push(`  ${' '.repeat(22)} ${f.detail}${f.how ? paint('2', ` (${f.how})`) : ''}${f.lowConfidence ? paint('33', ' ≈ check') : ''}`);
    }
  }
  if (view.indicators.length > 0) {
    out.push('', paint('1', 'Performance indicators'));
    for (const i of view.indicators) {
      const colour = i.assessment === 'improved' ? '32' : i.assessment === 'worsened' ? '31' : '2';
      out.push(`  ${paint(colour, `${i.symbol} ${i.assessmentLabel}`.padEnd(22))} ${i.label}${i.lowConfidence ? paint('33', ' ≈ check') : ''}`);
      const facts = [`${i.before} → ${i.after}`, i.polarity && i.polarity.toLowerCase(), i.target && `target ${i.target}`, i.national && `national ${i.national}`].filter(Boolean);
      out.push(`  ${' '.repeat(22)} ${facts.join('; ')}${i.how ? paint('2', ` (${i.how})`) : ''}`);
      if (i.note) out.push(`  ${' '.repeat(22)} ${paint('2', i.note)}`);
    }
  }
  for (const group of view.groups) {
    out.push('', paint('1', group.heading));
    for (const item of group.items) out.push(...entityLines(item, paint));
  }
  return `${out.join('\n')}\n`;
}

const TYPE_COLOURS: Record<string, string> = { added: '32', removed: '31', changed: '33', moved: '36' };

function entityLines(item: EntityChangeView, paint: Paint): string[] {
  const what = item.whatPieces ? words(item.whatPieces, paint) : item.what;
  const lines = [`  ${paint(TYPE_COLOURS[item.type] ?? '0', `${item.symbol} ${item.verb} ${item.entity}:`)} ${what}${item.details ? ` (${item.details})` : ''}${item.lowConfidence ? paint('33', ' ≈ check') : ''}`];
  if (item.oldWhat) lines.push(`      ${paint('2', 'rewritten; it was:')} ${paint('31', item.oldWhat)}`);
  if (item.how) lines.push(`      ${paint('2', item.how)}`);
  for (const f of item.fields) {
    lines.push(`      ${f.name}: ${f.pieces ? words(f.pieces, paint) : `${f.before ?? 'none'} → ${f.after ?? 'none'}`}`);
  }
  return lines;
}

function words(pieces: TextPiece[], paint: Paint): string {
  return pieces.map((p) => (p.op === 'added' ? paint('32', `{+${p.text}+}`) : p.op === 'removed' ? paint('31', `[-${p.text}-]`) : p.text)).join(' ');
}
