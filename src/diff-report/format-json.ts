import type { PlanDiff } from '../diff/change.js';

/**
 * The JSON document of the CLI contract (cli.md, "mapc diff"), version 1. Fields beyond
 * the contract (labels, how each pair was matched, word diffs, the key action points'
 * follow-through) are additions; nothing in the contract is left out or renamed.
 */
export function formatDiffJson(diff: PlanDiff, files: { old: string; new: string }): string {
  const document = {
    version: 1,
    // As in every JSON document of mapc's: the diff was made (an error document has ok: false).
    ok: true,
    old: { file: files.old, id: diff.old.id, period: diff.old.period, title: diff.old.title },
    new: { file: files.new, id: diff.new.id, period: diff.new.period, title: diff.new.title },
    changes: diff.changes,
    followThrough: diff.followThrough,
    keyActionFollowThrough: diff.keyActionFollowThrough,
    summary: diff.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
