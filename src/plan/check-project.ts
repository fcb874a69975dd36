import { closestMatch } from '../problems/closest-match.js';
import { closeDirectionControls } from './bidi.js';
import { locateProblems } from '../problems/locate-problems.js';
import type { LocatedProblem, Problem } from '../problems/problem.js';
import validateProjectSchema from './generated/validate-project.js';
import type { MapcProject as ProjectFile } from './generated/project-file.js';
import { labelsOf } from './model.js';
import { parseYaml } from './parse-yaml.js';
import { schemaProblemsOf } from './schema-problems.js';

/** A multi-part document, as `mapc.yaml` describes it. */
export interface Project {
  id: string;
  title: string;
  authority: string;
  /** The parts' plan files, as written in mapc.yaml (relative to its folder), in order. */
  parts: string[];
  build: { out: string; to: ('html' | 'pdf')[]; template?: string };
  /** Labels for every part and the contents page; a part's own labels override them key by key. */
  labels: Record<string, string>;
}

export interface ProjectCheck {
  problems: LocatedProblem[];
  project?: Project;
}

/** What the project check needs to know of the disk: the plan files in the project's folder. */
export interface ProjectFolder {
  exists(part: string): boolean;
  /** Whether a path written in mapc.yaml stays inside the project's folder, links followed. */
  inside(path: string): boolean;
  /** Plan files that do exist, for "did you mean". */
  planFiles(): string[];
}

/** Checks a mapc.yaml: YAML, its schema, then that every part exists, once. */
export function checkProjectSource(source: string, folder: ProjectFolder): ProjectCheck {
  const parsed = parseYaml(source);
  const problems: Problem[] = [...parsed.problems];
  const done = (project?: Project): ProjectCheck => ({ problems: locateProblems(problems, parsed.locate), ...(project ? { project } : {}) });
  if (parsed.data === undefined) return done();
  const valid = validateProjectSchema(parsed.data);
  if (!valid) problems.push(...schemaProblemsOf(validateProjectSchema.errors ?? [], parsed.data, 'the project'));
  // The parts are checked even when another key is wrong, so that one run says everything.
  const parts = (parsed.data as { parts?: unknown }).parts;
  if (Array.isArray(parts)) checkParts(parts, folder, problems);
  checkBuildPaths((parsed.data as { build?: unknown }).build, folder, problems);
  if (!valid) return done();
  const file = parsed.data as ProjectFile;
  const project: Project = {
    id: file.id,
    // The text a document prints is isolated as a plan's is (bidi.ts); the paths are left as written.
    title: closeDirectionControls(file.title),
    authority: closeDirectionControls(file.authority),
    parts: file.parts,
    build: { out: file.build?.out ?? 'dist', to: file.build?.to ?? ['html', 'pdf'], ...(file.build?.template ? { template: file.build.template } : {}) },
    labels: Object.fromEntries(Object.entries(labelsOf(file.labels as Record<string, unknown> | undefined)).map(([key, text]) => [key, closeDirectionControls(text)])),
  };
  return done(problems.some((p) => p.severity === 'error') ? undefined : project);
}

function checkParts(parts: unknown[], folder: ProjectFolder, problems: Problem[]): void {
  const seen = new Set<string>();
  parts.forEach((part, i) => {
    if (typeof part !== 'string') return; // the schema's problem
    if (!folder.inside(part)) {
      problems.push(outsideProject(part, 'A part', `/parts/${i}`));
    } else if (seen.has(part)) {
      problems.push({ severity: 'error', code: 'rule/duplicate-part', message: `'${part}' is listed twice; a part appears once in a document.`, pointer: `/parts/${i}` });
    } else if (!folder.exists(part)) {
      const problem: Problem = { severity: 'error', code: 'rule/missing-part', message: `There is no plan file '${part}' (parts are relative to mapc.yaml).`, pointer: `/parts/${i}` };
      const suggestion = closestMatch(part, folder.planFiles());
      if (suggestion) problem.suggestion = suggestion;
      problems.push(problem);
    }
    seen.add(part);
  });
}

/** The output folder and a template folder are the project's own: a pull request must not make a build write or read elsewhere. */
function checkBuildPaths(build: unknown, folder: ProjectFolder, problems: Problem[]): void {
  if (typeof build !== 'object' || build === null) return;
  const { out, template } = build as { out?: unknown; template?: unknown };
  if (typeof out === 'string' && out !== '' && !folder.inside(out)) problems.push(outsideProject(out, 'The output folder', '/build/out'));
  if (typeof template === 'string' && template !== '' && !folder.inside(template)) problems.push(outsideProject(template, 'A template folder', '/build/template'));
}

function outsideProject(path: string, what: string, pointer: string): Problem {
  return {
    severity: 'error',
    code: 'rule/outside-project',
    message: `${what} must be inside the project's folder (the folder of mapc.yaml), and '${path}' is not, as written or through a link. Name a path inside it; to build elsewhere, give --out on the command line.`,
    pointer,
  };
}
