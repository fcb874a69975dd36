import { join } from 'node:path';
import { countBySeverity, type FileReport } from '../problems/problem.js';
import { formatJson } from '../problems/format-json.js';
import { formatText, summaryLine } from '../problems/format-text.js';
import { showControls } from '../problems/visible-controls.js';
import { wantsColor, type Io } from './io.js';
import type { BuildEvents } from './build-events.js';
import type { ManifestEntry } from './manifest.js';

/**
 * What a build tells its user, as it happens: problems, outputs written, what was not
 * built, and on a terminal a progress line while PDFs print. The text reporter writes
 * for people (plain lines when stdout is not a terminal, or in CI); the JSON one
 * collects everything into one summary for scripts.
 */
export interface BuildReporter extends Required<BuildEvents> {
  /** The build is over: the summary line, or the JSON document. */
  finish(ok: boolean): void;
}

export function createReporter(format: 'text' | 'json', quiet: boolean, io: Io): BuildReporter {
  return format === 'json' ? new JsonReporter(io) : new TextReporter(quiet, io);
}

class TextReporter implements BuildReporter {
  private readonly checked = { files: 0, errors: 0, warnings: 0 };
  private total = 0;
  private started = 0;
  private readonly live: boolean;

  constructor(
    private readonly quiet: boolean,
    private readonly io: Io,
  ) {
    // A line redrawn in place only where a person watches a terminal.
    this.live = io.isTTY && !quiet && io.env.CI === undefined;
  }

  problems(report: FileReport): void {
    this.checked.files++;
    const { errors, warnings } = countBySeverity([report]);
    this.checked.errors += errors;
    this.checked.warnings += warnings;
    if (report.problems.length === 0) return;
    this.clearLine();
    // Each file's problems as they come; the count of all files checked at the end.
    this.io.stderr(formatText([report], { color: wantsColor(this.io), summary: false }) + '\n');
  }

  notBuilt(source: string, reason: string): void {
    this.clearLine();
    this.io.stderr(`mapc: ${showControls(source)} was not built: ${showControls(reason)}\n`);
  }

  notPrinted(output: string, reason: string): void {
    this.clearLine();
    this.io.stderr(`mapc: ${showControls(output)} was not printed: ${showControls(reason)}.\n`);
  }

  wrote(entry: ManifestEntry, outLabel: string): void {
    if (this.quiet) return;
    this.clearLine();
    // File names come from the repository: a control character in one is shown, not sent to the terminal.
    this.io.stdout(`${showControls(entry.source)} → ${showControls(join(outLabel, entry.file))}\n`);
  }

  expect(total: number): void {
    this.total = total;
    this.started = 0;
  }

  printing(output: string): void {
    this.started++;
    if (this.live) this.io.stderr(`\r\u001b[2Kprinting ${this.started} of ${this.total}: ${output}`);
  }

  finish(): void {
    this.clearLine();
    const { files, errors, warnings } = this.checked;
    if (errors + warnings > 0) this.io.stderr(`${summaryLine(files, errors, warnings, wantsColor(this.io))}\n`);
  }

  private clearLine(): void {
    if (this.live) this.io.stderr('\r\u001b[2K');
  }
}

class JsonReporter implements BuildReporter {
  private readonly reports: FileReport[] = [];
  private readonly outputs: ManifestEntry[] = [];
  private readonly failures: { source: string; reason: string }[] = [];

  constructor(private readonly io: Io) {}

  problems(report: FileReport): void {
    this.reports.push(report);
  }

  notBuilt(source: string, reason: string): void {
    this.failures.push({ source, reason: withoutAbove(reason) });
  }

  notPrinted(output: string, reason: string): void {
    this.failures.push({ source: output, reason });
  }

  wrote(entry: ManifestEntry, outLabel: string): void {
    this.outputs.push({ ...entry, file: join(outLabel, entry.file) });
  }

  expect(): void {}

  printing(): void {}

  finish(ok: boolean): void {
    const validation = JSON.parse(formatJson(this.reports)) as { errors: number; warnings: number; files: unknown[] };
    const summary = { version: 1, ok, errors: validation.errors, warnings: validation.warnings, outputs: this.outputs, notBuilt: this.failures, files: validation.files };
    this.io.stdout(JSON.stringify(summary, null, 2) + '\n');
  }
}

/**
 * A reason worded for the terminal, where the problems are printed above it; in the JSON
 * summary they are not above but under `files`, and the reason says so.
 */
function withoutAbove(reason: string): string {
  return reason.replace(/\b(the (?:errors|problem)) above\b/, '$1 listed for it under files');
}
