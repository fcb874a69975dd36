/** Something a build would write: its file name in the output folder, and where it comes from. */
interface Output {
  output: string;
  source: string;
  document: string;
}

/**
 * The outputs that would overwrite an earlier one of the same build (two plans or parts
 * with one id, a project whose id is a part's, a part with the id `index`), and the
 * outputs left to write: the first of each name is kept, so a clash loses nothing silently.
 */
export function withoutClashes<T extends Output>(outputs: T[]): { kept: T[]; clashes: { output: T; first: T }[] } {
  const firstOf = new Map<string, T>();
  const kept: T[] = [];
  const clashes: { output: T; first: T }[] = [];
  for (const output of outputs) {
    const first = firstOf.get(output.output);
    if (first) clashes.push({ output, first });
    else {
      firstOf.set(output.output, output);
      kept.push(output);
    }
  }
  return { kept, clashes };
}

/** Documents as a reader names them. */
const DOCUMENT_WORDS: Record<string, string> = { bound: 'whole document', contents: 'contents page', report: 'committee report' };

/** Why a clashing output was not written, for the build's report. */
export function clashReason({ output, first }: { output: Output; first: Output }): string {
  const words = (document: string) => DOCUMENT_WORDS[document] ?? 'plan';
  return `its ${words(output.document)} would be written to ${output.output}, over the ${words(first.document)} of ${first.source}. Give them different ids.`;
}
