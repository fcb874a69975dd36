import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { renamePeriod } from './rename-period.js';
import type { SourceEdits } from './source-edits.js';
import { pairOf, range, replaceValue } from './yaml-nodes.js';

/**
 * Last year's covering paper, kept as a start for next year's: its title moves on to the
 * new period, its meeting date is taken out (next year's meeting is not known yet; left
 * in, it would print last year's date as this year's). The checks then say what is left
 * to do: rule/report-period warns until the date is set, and the comment says so too.
 */
export function rollReport(edits: SourceEdits, report: Pair<Node, Node>, from: string, to: string, movePath?: (path: string) => string): void {
  edits.insert(edits.lineStart(range(report.key)[0]), `# Last year's covering paper, kept as a start: set the meeting date and revise it for ${to}.\n`);
  if (!isMap(report.value)) return;
  const map = report.value as YAMLMap;
  const title = pairOf(map, 'title');
  const renamed = title && renamePeriod(scalarText(title), from, to);
  if (title && renamed !== undefined) replaceValue(edits, title, renamed);
  const date = pairOf(map, 'date');
  if (date) removePair(edits, map, date);
  // The logo's path is relative to the plan file: written again from where the new file goes.
  const logo = pairOf(map, 'logo');
  const file = logo && isMap(logo.value) ? pairOf(logo.value as YAMLMap, 'file') : undefined;
  // (A path given by an alias, *name, is left as it is: its anchor may serve elsewhere.)
  if (file && isScalar(file.value) && movePath) {
    const written = scalarText(file);
    const moved = movePath(written);
    if (moved !== written) replaceValue(edits, file, moved);
  }
}

const scalarText = (pair: Pair<Node, Node>): string => String((pair.value as { value?: unknown }).value);

/** Takes a pair out of a mapping: its lines in a block mapping, its text and comma in a flow one. */
function removePair(edits: SourceEdits, map: YAMLMap, pair: Pair<Node, Node>): void {
  if (!map.flow) {
    edits.removeLines(range(pair.key)[0], range(pair.value)[1]);
    return;
  }
  const pairs = map.items as Pair<Node, Node>[];
  const at = pairs.indexOf(pair);
  const next = pairs[at + 1];
  if (next) edits.replace(range(pair.key)[0], range(next.key)[0], '');
  else if (at > 0) edits.replace(range(pairs[at - 1]!.value)[1], range(pair.value)[1], '');
  else edits.replace(range(pair.key)[0], range(pair.value)[1], '');
}
