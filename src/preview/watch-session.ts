import { existsSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { build, type BuildRequest, type SharedTools } from '../build/build.js';
import { createReporter } from '../build/build-reporter.js';
import { printerSettings, settle } from '../build/build-settings.js';
import type { Io } from '../build/io.js';
import { PACKAGE_ROOT, packageVersion } from '../build/package-root.js';
import { createRenderer } from '../build/render-plans.js';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import { formatText } from '../problems/format-text.js';
import { ToolError } from '../problems/tool-error.js';
import { showControls } from '../problems/visible-controls.js';
import { findProject } from '../project/find-plan-files.js';
import { loadProject, type LoadedProject } from '../project/load-project.js';
import { BUILT_IN_DOCUMENTS } from '../render/template-set.js';

/** What one build or rebuild came to, for a preview to show. */
export interface RebuildResult {
  ok: boolean;
  /** The problems, as the terminal shows them (no colour), for the page. */
  problemText: string;
  milliseconds: number;
}

/** The project being watched, read once per build: its file and what it says. */
interface ProjectState {
  file: string;
  loaded: LoadedProject;
}

/**
 * A build that stays: after the first build it watches the plans, mapc.yaml and the
 * templates, partials and stylesheets, and rebuilds only what a saved file affects,
 * with the templates compiled once and one browser kept open, so that a PDF rebuild
 * costs one print. A file saved half-written is reported and the last good output kept.
 */
export class WatchSession {
  private watcher: FSWatcher | undefined;
  private printer: PdfPrinter | undefined;
  private renderer: SharedTools['renderer'];
  private pending = new Set<string>();
  /** The files the plans use besides themselves (their logos), as of the last build of them all: watched, and a save of one rebuilds. */
  private used = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly paths: string[];

  constructor(
    private readonly request: BuildRequest,
    private readonly quiet: boolean,
    private readonly io: Io,
    private readonly onRebuilt: (result: RebuildResult) => void = () => undefined,
  ) {
    this.paths = request.paths ?? [];
  }

  async start(): Promise<RebuildResult> {
    const project = this.readProject();
    const to = this.request.to ?? project?.loaded.project?.build.to ?? ['html', 'pdf'];
    if (to.includes('pdf')) {
      const { startPrinter } = await import('../build/print-documents.js');
      this.printer = await startPrinter(printerSettings(settle(this.request)), this.io.env);
    }
    const first = await this.build(this.paths, project, true);
    this.watcher = watch(this.realRoots(this.watchedPaths(project)), {
      ignoreInitial: true,
      ignored: (path) => /(^|[\\/])(node_modules|dist|\.git)([\\/]|$)/.test(path) || path.endsWith('.tmp'),
      // A link below a watched folder is watched as a link, never followed: a link to / in
      // plans/ would otherwise have the whole disk crawled (and fail on /proc).
      followSymlinks: false,
      // Editors save in several writes; wait for the file to settle.
      awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 },
    });
    this.watcher.on('all', (event, path) => {
      if (event === 'unlinkDir' || event === 'addDir') return;
      this.pending.add(this.givenPath(resolve(this.io.cwd, path)));
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), 50);
    });
    // A file that cannot be watched (unreadable, or past the system's limit of watches) is
    // said in a line, a few times at most; the session goes on watching the others.
    this.watcher.on('error', (error) => this.watchFailed(error));
    await new Promise<void>((ready) => this.watcher!.once('ready', () => ready()));
    this.io.stdout(`Watching for changes (Ctrl-C to stop).\n`);
    return first;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.running;
    await this.printer?.close();
  }

  private flush(): void {
    const changed = [...this.pending];
    this.pending.clear();
    this.running = this.running.then(async () => {
      try {
        await this.rebuild(changed);
      } catch (error) {
        // One bad save must not end the session: a template saved half-written, or one
        // that fails as it is used ("Must pass iterator to #each"). Say so in a line, keep
        // the last good output, and rebuild on the next save.
        const message = error instanceof ToolError ? error.message : `could not rebuild: ${error instanceof Error ? error.message : String(error)}`;
        this.io.stderr(`mapc: ${showControls(message)}\n`);
        this.io.stdout('Not built: fix the problem above. The last good output is kept.\n');
        this.onRebuilt({ ok: false, problemText: message, milliseconds: 0 });
      }
    });
  }

  private watchErrors = 0;

  private watchFailed(error: unknown): void {
    const shown = ++this.watchErrors;
    if (shown > 3) return;
    const { path, code, message } = error as NodeJS.ErrnoException;
    const what = path ? relative(this.io.cwd, this.givenPath(path)) || '.' : 'a file';
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? "the system's limit of watched files is reached" : message;
    this.io.stderr(`mapc: cannot watch ${showControls(what)} (${showControls(why)}): its saves are not seen; the other files are still watched.${shown === 3 ? ' Further such errors are not shown.' : ''}\n`);
  }

  /** The roots named by the user and mapc.yaml are trusted: a root that is a link is followed (to its real path), unlike links below it. */
  private readonly roots = new Map<string, string>();

  private realRoots(paths: string[]): string[] {
    return paths.map((given) => {
      let real = given;
      try {
        real = realpathSync(given);
      } catch {
        // Not there yet (a part mapc.yaml names before it is written): watched as named.
      }
      this.roots.set(real, given);
      return real;
    });
  }

  /** A path chokidar reports (under a root's real path), as it is under the root as named. */
  private givenPath(path: string): string {
    for (const [real, given] of this.roots) {
      if (real === given) continue;
      if (path === real) return given;
      if (path.startsWith(real + sep)) return given + path.slice(real.length);
    }
    return path;
  }

  private async rebuild(changed: string[]): Promise<RebuildResult> {
    const project = this.readProject();
    const templateRoots = this.templateRoots(project);
    const everything = changed.some((file) => templateRoots.some((root) => file.startsWith(root + sep)) || /mapc\.ya?ml$/.test(file));
    if (everything) this.renderer = undefined; // recompiled from the saved templates
    const shown = changed.map((file) => relative(this.io.cwd, file).split(sep).join('/'));
    this.io.stdout(`\n${showControls(shown.join(', '))} changed.\n`);
    // A plan alone affects only its own documents; in a project, its neighbours' links too.
    const plans = shown.filter((file) => /\.ya?ml$/i.test(file) && !/mapc\.ya?ml$/i.test(file) && existsSync(resolve(this.io.cwd, file)));
    // A saved logo: every plan again, and every PDF (a council's plans share their logo).
    const all = everything || changed.some((file) => this.used.has(file));
    if (!project && !all && plans.length === 0) return { ok: true, problemText: '', milliseconds: 0 };
    // A part added to mapc.yaml, or a new plan in a watched folder, is watched from now on.
    this.watcher?.add(this.realRoots(this.watchedPaths(project)));
    return this.build(all || project ? this.paths : plans, project, false, all || !project ? undefined : new Set(plans));
  }

  private async build(targets: string[], project: ProjectState | undefined, first: boolean, pdfSources?: Set<string>): Promise<RebuildResult> {
    const started = Date.now();
    const reporter = createReporter('text', this.quiet, this.io);
    this.renderer ??= createRenderer(this.request.template ?? project?.loaded.project?.build.template, `mapc ${packageVersion()}`, this.io.cwd);
    const result = await build({ ...this.request, paths: targets }, reporter, {
      renderer: this.renderer,
      ...(this.printer ? { printer: this.printer } : {}),
      ...(pdfSources ? { pdfSources } : {}),
      ...(project ? { project: project.loaded } : {}),
    });
    const ok = result.exitCode === 0;
    reporter.finish(ok);
    // A build of every plan says which logos they use now; a plan rebuilt alone adds its own to the others'.
    if (targets === this.paths) this.used = new Set(result.uses);
    else for (const file of result.uses) this.used.add(file);
    this.watcher?.add(this.realRoots(result.uses));
    const milliseconds = Date.now() - started;
    this.io.stdout(ok ? `${first ? 'Built' : 'Rebuilt'} in ${milliseconds} ms.\n` : 'Not built: fix the problems above. The last good output is kept.\n');
    const rebuilt: RebuildResult = { ok, problemText: result.files.length > 0 ? formatText(result.files, { color: false }) : '', milliseconds };
    this.onRebuilt(rebuilt);
    return rebuilt;
  }

  /** mapc.yaml, read once for each build: its formats, template, parts and output folder. */
  private readProject(): ProjectState | undefined {
    const file = findProject(this.paths, this.io.cwd);
    return file ? { file, loaded: loadProject(file, this.io.cwd, this.io.env) } : undefined;
  }

  private watchedPaths(project: ProjectState | undefined): string[] {
    const sources = project ? [project.file, ...project.loaded.partFiles] : this.paths.length > 0 ? this.paths : ['plans'];
    return [...sources.map((p) => resolve(this.io.cwd, p)), ...this.templateRoots(project), ...this.used];
  }

  private templateRoots(project: ProjectState | undefined): string[] {
    const template = this.request.template ?? project?.loaded.project?.build.template;
    const custom = template !== undefined && !(BUILT_IN_DOCUMENTS as readonly string[]).includes(template) ? [resolve(this.io.cwd, template)] : [];
    return [join(PACKAGE_ROOT, 'templates').replace(/[\\/]$/, ''), ...custom];
  }
}
