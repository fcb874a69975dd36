import { relative, resolve } from 'node:path';
import type { BuildRequest } from '../build/build.js';
import type { Io } from '../build/io.js';
import { onShutdown } from '../build/on-shutdown.js';
import { ToolError } from '../problems/tool-error.js';
import { findProject } from '../project/find-plan-files.js';
import { loadProject } from '../project/load-project.js';
import { PreviewServer } from './preview-server.js';
import { WatchSession } from './watch-session.js';

export interface PreviewOptions {
  port: number;
  host: string;
}

/** A preview that is running: its address, and how to stop it. */
export interface RunningPreview {
  address: string;
  /** The addresses of the documents built so far. */
  documents(): string[];
  close(): Promise<void>;
}

/**
 * Builds (HTML unless asked otherwise), serves the output folder, rebuilds on every save
 * as `build --watch` does, and reloads the open page after each rebuild (or shows it the
 * problems of one that failed). Ctrl-C closes it (on-shutdown.ts) as `close` does.
 */
export async function startPreview(request: BuildRequest, options: PreviewOptions, io: Io): Promise<RunningPreview> {
  const out = request.out ?? projectOut(request.paths ?? [], io) ?? 'dist';
  const server = new PreviewServer(resolve(io.cwd, out));
  let address: string;
  try {
    address = await server.listen(options.port, options.host);
  } catch (error) {
    throw new ToolError(`cannot serve on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const session = new WatchSession({ ...request, out, to: request.to ?? ['html'] }, false, io, (result) => server.announce(result.ok, result.problemText));
  const close = async () => {
    forget();
    await session.close();
    await server.close();
  };
  const forget = onShutdown(close);
  await session.start();
  return { address, documents: () => server.documentAddresses(address), close };
}

/** A project's output folder, which mapc.yaml gives relative to its own folder. */
function projectOut(paths: string[], { cwd, env }: Io): string | undefined {
  const file = findProject(paths, cwd);
  if (!file) return undefined;
  const loaded = loadProject(file, cwd, env);
  return loaded.project ? relative(cwd, resolve(loaded.folder, loaded.project.build.out)) || '.' : undefined;
}
