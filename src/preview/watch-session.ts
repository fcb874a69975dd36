import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import { BUILT_IN_DOCUMENTS } from '../render/template-set.js';
import type { FileReport } from '../problems/problem.js';
import { formatText } from '../problems/format-text.js';
import { buildOnce, type BuildOptions, type SharedTools } from '../build/build.js';
import { createRenderer } from '../build/render-plans.js';
import { createReporter, type BuildReporter } from '../build/build-reporter.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';
import { PACKAGE_ROOT, packageVersion } from '../build/package-root.js';
import { findProject } from '../project/find-plan-files.js';
import { loadProject } from '../project/load-project.js';

/** What one build or rebuild came to, for a preview to show. */
export interface RebuildResult {
  ok: boolean;
  /** The problems, as the terminal shows them (no colour), for the page. */
  problemText: string;
  milliseconds: number;
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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly paths: string[],
    private readonly options: BuildOptions,
    private readonly io: Io,
    private readonly onRebuilt: (result: RebuildResult) => void = () => undefined,
  ) {}

  async start(): Promise<RebuildResult> {
    const to = this.options.to ?? this.projectFormats() ?? ['html', 'pdf'];
    if (to.includes('pdf')) {
      const { startPrinter } = await import('../build/print-documents.js');
      this.printer = await startPrinter({ jobs: this.options.jobs, timeoutMs: this.options.timeoutSeconds * 1000 }, this.io);
    }
    const first = await this.build(this.paths, true);
    this.watcher = watch(this.watchedPaths(), {
      ignoreInitial: true,
      ignored: (path) => /(^|[\\/])(node_modules|dist|\.git)([\\/]|$)/.test(path) || path.endsWith('.tmp'),
      // Editors save in several writes; wait for the file to settle.
      awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 },
    });
    this.watcher.on('all', (event, path) => {
      if (event === 'unlinkDir' || event === 'addDir') return;
      this.pending.add(resolve(this.io.cwd, path));
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), 50);
    });
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
        // A template saved half-written must not end the session: say so and keep watching.
        if (!(error instanceof ToolError)) throw error;
        this.io.stderr(`mapc: ${error.message}\n`);
        this.io.stdout('Not built: fix the problem above. The last good output is kept.\n');
        this.onRebuilt({ ok: false, problemText: error.message, milliseconds: 0 });
      }
    });
  }

  private async rebuild(changed: string[]): Promise<RebuildResult> {
    const templateRoots = this.templateRoots();
    const everything = changed.some((file) => templateRoots.some((root) => file.startsWith(root + sep)) || /mapc\.ya?ml$/.test(file));
    if (everything) this.renderer = undefined; // recompiled from the saved templates
    const shown = changed.map((file) => relative(this.io.cwd, file).split(sep).join('/'));
    this.io.stdout(`\n${shown.join(', ')} changed.\n`);
    // A plan alone affects only its own documents; in a project, its neighbours' links too.
    const inProject = findProject(this.paths, this.io.cwd) !== undefined;
    const plans = shown.filter((file) => /\.ya?ml$/i.test(file) && !/mapc\.ya?ml$/i.test(file) && existsSync(resolve(this.io.cwd, file)));
    if (!inProject && !everything && plans.length === 0) return { ok: true, problemText: '', milliseconds: 0 };
    // A part added to mapc.yaml, or a new plan in a watched folder, is watched from now on.
    this.watcher?.add(this.watchedPaths());
    return this.build(everything || inProject ? this.paths : plans, false, everything || !inProject ? undefined : new Set(plans));
  }

  private async build(targets: string[], first: boolean, pdfSources?: Set<string>): Promise<RebuildResult> {
    const started = Date.now();
    const collected: FileReport[] = [];
    const reporter = tee(createReporter('text', this.options.quiet, this.io), (report) => collected.push(report));
    this.renderer ??= createRenderer(this.options.template ?? this.projectTemplate(), `mapc ${packageVersion()}`, this.io.cwd);
    const code = await buildOnce(targets, this.options, this.io, reporter, {
      renderer: this.renderer,
      ...(this.printer ? { printer: this.printer } : {}),
      ...(pdfSources ? { pdfSources } : {}),
    });
    reporter.finish(code === 0);
    const milliseconds = Date.now() - started;
    const ok = code === 0;
    this.io.stdout(ok ? `${first ? 'Built' : 'Rebuilt'} in ${milliseconds} ms.\n` : 'Not built: fix the problems above. The last good output is kept.\n');
    const result: RebuildResult = { ok, problemText: collected.length > 0 ? formatText(collected, { color: false }) : '', milliseconds };
    this.onRebuilt(result);
    return result;
  }

  private watchedPaths(): string[] {
    const project = findProject(this.paths, this.io.cwd);
    const sources = project ? [project, ...loadProject(project, this.io.cwd).partFiles] : this.paths.length > 0 ? this.paths : ['plans'];
    return [...sources.map((p) => resolve(this.io.cwd, p)), ...this.templateRoots()];
  }

  private templateRoots(): string[] {
    const template = this.options.template ?? this.projectTemplate();
    const custom = template !== undefined && !(BUILT_IN_DOCUMENTS as readonly string[]).includes(template) ? [resolve(this.io.cwd, template)] : [];
    return [join(PACKAGE_ROOT, 'templates').replace(/[\\/]$/, ''), ...custom];
  }

  private projectFormats(): ('html' | 'pdf')[] | undefined {
    const project = findProject(this.paths, this.io.cwd);
    return project ? loadProject(project, this.io.cwd).project?.build.to : undefined;
  }

  private projectTemplate(): string | undefined {
    const project = findProject(this.paths, this.io.cwd);
    return project ? loadProject(project, this.io.cwd).project?.build.template : undefined;
  }
}

/** A reporter that also hands each file's problems to `collect`. */
function tee(reporter: BuildReporter, collect: (report: FileReport) => void): BuildReporter {
  return {
    problems: (report) => {
      if (report.problems.length > 0) collect(report);
      reporter.problems(report);
    },
    notBuilt: (source, reason) => reporter.notBuilt(source, reason),
    notPrinted: (output, reason) => reporter.notPrinted(output, reason),
    wrote: (entry, out) => reporter.wrote(entry, out),
    expect: (total) => reporter.expect(total),
    printing: (output) => reporter.printing(output),
    finish: (ok) => reporter.finish(ok),
  };
}
