import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCommand, DEFAULT_JOBS, type OutputFormat } from '../build/build.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';
import { readManifestOf, sha256, type ManifestEntry } from '../build/output-folder.js';

/**
 * Proves that the outputs in DIR are what their sources build to: each file's sha256 is
 * checked against DIR/manifest.json, then every source is built again, the same way,
 * into a scratch folder and compared byte for byte. Exit 0 when all match, 1 when any
 * output differs or is missing.
 */
export async function verifyCommand(dir: string, io: Io): Promise<number> {
  const folder = resolve(io.cwd, dir);
  const manifest = readManifestOf(folder);
  if (!manifest) throw new ToolError(`no readable manifest.json in '${dir}': verify needs the folder a build wrote.`);
  const problems: string[] = [];
  if (manifest.outputs.length === 0) problems.push('manifest.json lists no outputs: there is nothing to verify');
  // A document in the folder that the manifest does not vouch for is not verified either.
  const listed = new Set(manifest.outputs.map((entry) => entry.file));
  for (const name of readdirSync(folder).filter((name) => /\.(html|pdf)$/i.test(name)).sort()) {
    if (!listed.has(name)) problems.push(`${name}: not in the manifest, so nothing says what it was built from`);
  }
  for (const entry of manifest.outputs) {
    const file = join(folder, entry.file);
    if (!existsSync(file)) problems.push(`${entry.file}: missing`);
    else if (sha256(readFileSync(file)) !== entry.sha256) problems.push(`${entry.file}: changed since it was built (its sha256 is not the manifest's)`);
  }

  // Sources are recorded relative to the folder the build ran in; from elsewhere none is found.
  const present = manifest.outputs.filter((entry) => existsSync(resolve(io.cwd, entry.source)));
  if (manifest.outputs.length > 0 && present.length === 0) {
    throw new ToolError(`cannot find '${manifest.outputs[0]!.source}', which the manifest names as a source. Sources are named from the folder mapc build ran in: run mapc verify from there.`);
  }
  for (const entry of manifest.outputs.filter((e) => !present.includes(e))) {
    problems.push(`${entry.file}: its source ${entry.source} is not there (moved or deleted since the build), so it cannot be rebuilt`);
  }

  const scratch = mkdtempSync(join(tmpdir(), 'mapc-verify-'));
  const silent: Io = { ...io, stdout: () => undefined, stderr: () => undefined, isTTY: false };
  try {
    for (const [index, group] of groupsOf(present).entries()) {
      const out = join(scratch, String(index));
      const to = [...new Set(group.entries.map((e) => e.format))] as OutputFormat[];
      const options = { to, out, jobs: DEFAULT_JOBS, timeoutSeconds: 120, quiet: true, ...(group.template ? { template: group.template } : {}) };
      // The date the PDFs were given, when it came from SOURCE_DATE_EPOCH, is given again.
      const epoch = group.entries.find((e) => e.sourceDateEpoch !== undefined)?.sourceDateEpoch;
      const env = epoch === undefined ? silent : { ...silent, env: { ...silent.env, SOURCE_DATE_EPOCH: epoch } };
      await buildCommand(group.project ? [group.project] : group.sources, options, env);
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

  for (const problem of problems) io.stdout(`${problem}\n`);
  io.stdout(problems.length === 0 ? `${manifest.outputs.length} ${manifest.outputs.length === 1 ? 'output' : 'outputs'} verified: each is what its source builds to.\n` : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: the folder does not verify.\n`);
  return problems.length === 0 ? 0 : 1;
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
