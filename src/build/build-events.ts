import type { FileReport } from '../problems/problem.js';
import type { ManifestEntry } from './manifest.js';

/**
 * What a build says as it goes: each file's problems, each output written, what was not
 * built or printed and why, and which PDF is printing. The command line turns these into
 * lines or one JSON summary (build-reporter.ts); a script calling `build` may listen to
 * any of them, or read the same facts from the result.
 */
export interface BuildEvents {
  problems?(report: FileReport): void;
  notBuilt?(source: string, reason: string): void;
  notPrinted?(output: string, reason: string): void;
  /** `outLabel`: the output folder as the user wrote it, for messages. */
  wrote?(entry: ManifestEntry, outLabel: string): void;
  /** Documents to print in this build, for "printing 3 of 10". */
  expect?(total: number): void;
  printing?(output: string): void;
}

/**
 * Every event, for the code that reports them; and each file a plan uses besides itself
 * (its logo), which is not reported but recorded in the result, for a watcher to watch.
 */
export type BuildListener = Required<BuildEvents> & { uses(file: string): void };

/** What a build came to, event by event. */
export interface BuildRecord {
  /** Each file that has problems, with them (a clean file is left out: a build may check thousands). */
  files: FileReport[];
  /** Each output written, as its manifest entry (file relative to the output folder). */
  outputs: ManifestEntry[];
  /** Plans, parts or documents not built or not printed, and why. */
  notBuilt: { source: string; reason: string }[];
  /** The files the plans use besides themselves (the logos their papers name), absolute, each once. */
  uses: string[];
}

/** A listener that passes each event on to `events` and records it too. */
export function recordingListener(events: BuildEvents): { listener: BuildListener; record: BuildRecord } {
  const record: BuildRecord = { files: [], outputs: [], notBuilt: [], uses: [] };
  const used = new Set<string>();
  const listener: BuildListener = {
    problems: (report) => {
      if (report.problems.length > 0) record.files.push(report);
      events.problems?.(report);
    },
    notBuilt: (source, reason) => {
      record.notBuilt.push({ source, reason });
      events.notBuilt?.(source, reason);
    },
    notPrinted: (output, reason) => {
      record.notBuilt.push({ source: output, reason });
      events.notPrinted?.(output, reason);
    },
    wrote: (entry, outLabel) => {
      record.outputs.push(entry);
      events.wrote?.(entry, outLabel);
    },
    expect: (total) => events.expect?.(total),
    printing: (output) => events.printing?.(output),
    uses: (file) => {
      if (!used.has(file)) record.uses.push(file);
      used.add(file);
    },
  };
  return { listener, record };
}
