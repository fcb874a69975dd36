import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ToolError } from '../problems/tool-error.js';
import { build, type OutputFormat } from './build.js';
import type { Workspace } from './io.js';
import { manifestEntryFault } from './manifest-entry-fault.js';
import { readManifestOf, type ManifestEntry } from './manifest.js';
import { sha256 } from './write-file.js';

export interface Verification {
  /** Outputs the manifest lists. */
  outputs: number;
  /** What does not verify, a sentence each. */
  problems: string[];
}

/**
 * Proves that the outputs in DIR are what their sources build to: each file's sha256 is
 * checked against DIR/manifest.json, then every source is built again, the same way,
 * into a scratch folder and compared byte for byte. Each output that differs, is missing
 * or cannot be rebuilt is a problem; none means the folder verifies.
 */
export async function verifyFolder(dir: string, workspace: Workspace): Promise<Verification> {
  const folder = resolve(workspace.cwd, dir);
  const manifest = readManifestOf(folder);
  if (!manifest) throw new ToolError(`no readable manifest.json in '${dir}': verify needs the folder a build wrote.`);
  const problems: string[] = [];
  // An entry a build would not write is refused, and nothing it names is read or rebuilt.
  const outputs = manifest.outputs.filter((entry, i) => {
    const fault = manifestEntryFault(entry);
    if (fault) problems.push(`manifest.json, output ${i + 1}: not verified: ${fault}`);
    return fault === undefined;
  });
  if (manifest.outputs.length === 0) problems.push('manifest.json lists no outputs: there is nothing to verify');
  // A document in the folder that the manifest does not vouch for is not verified either.
  const listed = new Set(outputs.map((entry) => entry.file));
  for (const name of readdirSync(folder).filter((name) => /\.(html|pdf)$/i.test(name)).sort()) {
    if (!listed.has(name)) problems.push(`${name}: not in the manifest, so nothing says what it was built from`);
  }
  for (const entry of outputs) {
    const file = join(folder, entry.file);
    if (!existsSync(file)) problems.push(`${entry.file}: missing`);
    else if (sha256(readFileSync(file)) !== entry.sha256) problems.push(`${entry.file}: changed since it was built (its sha256 is not the manifest's)`);
  }

  // Sources are recorded relative to the folder the build ran in; from elsewhere none is found.
  const present = outputs.filter((entry) => existsSync(resolve(workspace.cwd, entry.source)));
  if (outputs.length > 0 && present.length === 0) {
    throw new ToolError(`cannot find '${outputs[0]!.source}', which the manifest names as a source. Sources are named from the folder mapc build ran in: run mapc verify from there.`);
  }
  for (const entry of outputs.filter((e) => !present.includes(e))) {
    problems.push(`${entry.file}: its source ${entry.source} is not there (moved or deleted since the build), so it cannot be rebuilt`);
  }

  const scratch = mkdtempSync(join(tmpdir(), 'mapc-verify-'));
  try {
    for (const [index, group] of groupsOf(present).entries()) {
      const out = join(scratch, String(index));
      const to = [...new Set(group.entries.map((e) => e.format))] as OutputFormat[];
      // The date the PDFs were given, when it came from SOURCE_DATE_EPOCH, is given again.
      const epoch = group.entries.find((e) => e.sourceDateEpoch !== undefined)?.sourceDateEpoch;
      await build({
        paths: group.project ? [group.project] : group.sources,
        cwd: workspace.cwd,
        env: epoch === undefined ? workspace.env : { ...workspace.env, SOURCE_DATE_EPOCH: epoch },
        to,
        out,
        timeoutSeconds: 120,
        ...(group.template ? { template: group.template } : {}),
      });
      const rebuiltFrom = readManifestOf(out)?.outputs ?? [];
      for (const entry of group.entries) {
        const rebuilt = join(out, entry.file);
        const now = rebuiltFrom.filter((e) => e.source === entry.source && e.format === entry.format).map((e) => e.file);
        if (!existsSync(rebuilt) && now.length > 0) {
          problems.push(`${entry.file}: left over from an earlier build; ${entry.source} now builds to ${now.join(', ')} (was its id changed?). Delete it, or build into an empty folder`);
        } else if (!existsSync(rebuilt)) problems.push(`${entry.file}: its source ${entry.source} no longer builds`);
        else if (sha256(readFileSync(rebuilt)) !== entry.sha256) {
          const printedBy = entry.browser ? ` (printed by ${entry.browser}; check this machine has the same browser)` : '';
          problems.push(`${entry.file}: differs from what ${entry.source} builds to now${printedBy}`);
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  return { outputs: outputs.length, problems };
}

interface Group {
  project?: string;
  template?: string;
  sources: string[];
  entries: ManifestEntry[];
}

/** Outputs built together are rebuilt together: a project's as a project, plans by template. */
function groupsOf(entries: ManifestEntry[]): Group[] {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const key = `${entry.project ?? ''}|${entry.template ?? ''}`;
    const group = groups.get(key) ?? { ...(entry.project ? { project: entry.project } : {}), ...(entry.template ? { template: entry.template } : {}), sources: [], entries: [] };
    if (!group.sources.includes(entry.source)) group.sources.push(entry.source);
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}
