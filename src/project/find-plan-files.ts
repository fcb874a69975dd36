import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ToolError } from '../problems/tool-error.js';

const PLAN_FILE = /\.ya?ml$/i;
const PROJECT_FILE = /^mapc\.ya?ml$/i;

/** The project a command is about: ./mapc.yaml when no path is given, or a path that names a mapc.yaml. */
export function findProject(paths: readonly string[], cwd: string): string | undefined {
  if (paths.length === 0) return existsSync(join(cwd, 'mapc.yaml')) ? 'mapc.yaml' : undefined;
  if (paths.length === 1 && PROJECT_FILE.test(basename(paths[0]!))) return paths[0];
  return undefined;
}

/**
 * For `mapc validate`: the project file among the paths (./mapc.yaml when none is given;
 * any path named mapc.yaml, beside plan files or folders too), and the other paths, which
 * name plans. A mapc.yaml is never checked as a plan: it is not one.
 */
export function splitProjectPaths(paths: readonly string[], cwd: string): { projectFile?: string; planPaths: string[] } {
  if (paths.length === 0) return { ...(existsSync(join(cwd, 'mapc.yaml')) ? { projectFile: 'mapc.yaml' } : {}), planPaths: [] };
  const isProject = (path: string) => PROJECT_FILE.test(basename(path));
  const projectFile = paths.find(isProject);
  return { ...(projectFile ? { projectFile } : {}), planPaths: paths.filter((path) => !isProject(path)) };
}

/**
 * The plan files named by the command line: files as given, folders searched for
 * *.yaml/*.yml (mapc.yaml aside), in a stable order.
 * Returns paths relative to cwd, as they are shown to the user.
 */
export function findPlanFiles(paths: readonly string[], cwd: string): string[] {
  const roots = paths.length > 0 ? paths : defaultRoots(cwd);
  const files: string[] = [];
  for (const path of roots) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new ToolError(`cannot find '${path}': no such file or folder.`);
    }
    if (stats.isDirectory()) {
      const found = walk(absolute).filter((file) => !/(^|[\\/])mapc\.ya?ml$/i.test(file));
      if (found.length === 0) throw new ToolError(`no plan files (*.yaml, *.yml) in the folder '${path}'.`);
      files.push(...found);
    } else files.push(absolute);
  }
  return [...new Set(files)].map((file) => displayPath(file, cwd));
}

/** With no path: ./plans. (A ./mapc.yaml is a project: see project-file.ts.) */
function defaultRoots(cwd: string): string[] {
  if (existsSync(join(cwd, 'plans'))) return ['plans'];
  throw new ToolError('no plans given, and no ./mapc.yaml or ./plans folder here: name the plan files or folders, e.g. mapc validate plans/my-plan.yaml');
}

export function walk(folder: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    // Links are not followed into folders (a link to / inside plans/ is not a tree to walk).
    entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ToolError(`cannot read the folder '${folder}': ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message.split('\n')[0]}.`);
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (PLAN_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}
