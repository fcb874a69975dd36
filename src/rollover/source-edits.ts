/**
 * Edits to a YAML file's text at given offsets, applied all at once. Rollover edits the
 * officer's file in place this way rather than re-serialising it, so that every comment,
 * line break and quote it does not touch stays exactly as written, and next year's file
 * differs from this year's in git only where the plan changed.
 */
export class SourceEdits {
  private readonly edits: { start: number; end: number; text: string }[] = [];

  constructor(readonly source: string) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  /** Whole lines, from the one holding `start` to the one holding `end - 1`, line breaks included. */
  removeLines(start: number, end: number): void {
    this.edits.push({ start: this.lineStart(start), end: this.lineEnd(Math.max(start, end - 1)), text: '' });
  }

  lineStart(offset: number): number {
    return this.source.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset just after the line break ending the line that holds `offset`. */
  lineEnd(offset: number): number {
    const end = this.source.indexOf('\n', offset);
    return end === -1 ? this.source.length : end + 1;
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  apply(): string {
    // From the end backwards, so that earlier offsets stay true; at one offset, a removal
    // goes before an insertion, so that what is inserted there is not removed with it.
    const ordered = [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end);
    let text = this.source;
    let limit = Infinity;
    for (const edit of ordered) {
      if (edit.end > limit) throw new Error(`overlapping edits at ${edit.start}-${edit.end}`);
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      limit = edit.start;
    }
    return text;
  }
}
