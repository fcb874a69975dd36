import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { checkProjectSource, type Project } from '../plan/check-project.js';
import { staysInside } from '../plan/read-file-inside.js';
import type { FileReport } from '../problems/problem.js';
import { walk } from './find-plan-files.js';
import { readPlanFile } from './read-plan-file.js';

export interface LoadedProject {
  /** mapc.yaml as the user sees it, relative to the working folder. */
  file: string;
  report: FileReport;
  /** When the project file is valid. */
  project?: Project;
  /** The parts' plan files, relative to the working folder, in order. */
  partFiles: string[];
  /** The project's folder, absolute. */
  folder: string;
  unreadable: boolean;
}

export function loadProject(file: string, cwd: string, env: NodeJS.ProcessEnv): LoadedProject {
  const folder = dirname(resolve(cwd, file));
  const shown = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  const text = readPlanFile(file, cwd, env);
  if (!text.ok) return { file, report: { file, source: '', problems: [text.problem] }, partFiles: [], folder, unreadable: text.toolFailure };
  const { problems, project } = checkProjectSource(text.source, {
    exists: (part) => existsSync(resolve(folder, part)),
    inside: (path) => staysInside(folder, path),
    planFiles: () => walk(folder).map((path) => relative(folder, path).split(sep).join('/')).filter((path) => !/(^|\/)mapc\.ya?ml$/.test(path)),
  });
  return {
    file,
    report: { file, source: text.source, problems },
    ...(project ? { project } : {}),
    partFiles: project ? project.parts.map((part) => shown(resolve(folder, part))) : [],
    folder,
    unreadable: false,
  };
}
