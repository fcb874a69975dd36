/**
 * YAML text written by hand rather than by a serializer, because the draft needs comments
 * beside the values they are about, in a fixed order, byte for byte the same every run.
 */
export class YamlLines {
  readonly lines: string[] = [];
  checks = 0;

  comment(indent: number, text: string): void {
    this.lines.push(`${' '.repeat(indent)}# ${text}`);
  }

  /** A `# check:` comment: a guess the officer should read. */
  check(indent: number, note: string | undefined): void {
    if (!note) return;
    this.checks++;
    this.comment(indent, `check: ${note.replace(/\s+/g, ' ')}`);
  }

  /** `key: value`, a string as a block when it has more than one line. */
  field(indent: number, key: string, value: string | number | undefined, prefix = ''): void {
    if (value === undefined) return;
    const lead = `${' '.repeat(indent)}${prefix}${key}:`;
    if (typeof value === 'string' && value.includes('\n')) {
      this.lines.push(`${lead} |-`);
      const inner = ' '.repeat(indent + prefix.length + 2);
      for (const line of value.split('\n')) this.lines.push(line === '' ? '' : `${inner}${line}`);
    } else this.lines.push(`${lead} ${typeof value === 'number' ? String(value) : scalar(value)}`);
  }

  /** `- value` in a sequence. */
  item(indent: number, value: string): void {
    if (value.includes('\n')) {
      this.lines.push(`${' '.repeat(indent)}- |-`);
      for (const line of value.split('\n')) this.lines.push(line === '' ? '' : `${' '.repeat(indent + 2)}${line}`);
    } else this.lines.push(`${' '.repeat(indent)}- ${scalar(value)}`);
  }

  key(indent: number, key: string): void {
    this.lines.push(`${' '.repeat(indent)}${key}:`);
  }

  raw(line: string): void {
    this.lines.push(line);
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** A one-line string: plain where YAML reads it back as the same string, else double-quoted. */
export function scalar(value: string): string {
  const plain =
    /^[A-Za-z(][^\n]*$/.test(value) &&
    !/: |:$| #|\s$|^(true|false|null|yes|no|on|off|y|n)$/i.test(value) &&
    !/[\u0000-\u001f\u007f\u2028\u2029\ufeff]/.test(value);
  return plain ? value : JSON.stringify(value);
}
