import { relative, resolve } from 'node:path';
import type { BuildOptions } from '../build/build.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';
import { PreviewServer } from '../preview/preview-server.js';
import { findProject } from '../project/find-plan-files.js';
import { loadProject } from '../project/load-project.js';
import { WatchSession } from '../preview/watch-session.js';
import { onShutdown, untilStopped } from '../build/shutdown.js';

export interface ServeOptions {
  port: number;
  host: string;
}

/**
 * `mapc serve`: builds, serves the output on loopback, rebuilds on every save as
 * `build --watch` does, and reloads the open page after each rebuild (or shows it the
 * problems of one that failed).
 */
export async function serveCommand(paths: string[], options: BuildOptions & ServeOptions, io: Io): Promise<number> {
  const out = options.out ?? projectOut(paths, io.cwd) ?? 'dist';
  const server = new PreviewServer(resolve(io.cwd, out));
  let address: string;
  try {
    address = await server.listen(options.port, options.host);
  } catch (error) {
    throw new ToolError(`cannot serve on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const session = new WatchSession(paths, { ...options, out, to: options.to ?? ['html'] }, io, (result) => server.announce(result.ok, result.problemText));
  const forget = onShutdown(async () => {
    await session.close();
    await server.close();
  });
  await session.start();
  io.stdout(`Serving ${address} (Ctrl-C to stop).\n`);
  await untilStopped();
  forget();
  await session.close();
  await server.close();
  return 0;
}

/** A project's output folder, which mapc.yaml gives relative to its own folder. */
function projectOut(paths: string[], cwd: string): string | undefined {
  const file = findProject(paths, cwd);
  if (!file) return undefined;
  const loaded = loadProject(file, cwd);
  return loaded.project ? relative(cwd, resolve(loaded.folder, loaded.project.build.out)) || '.' : undefined;
}
