import { Command, CommanderError, Option } from 'commander';
import type { Io } from '../build/io.js';
import { packageVersion } from '../build/package-root.js';
import { ToolError } from '../problems/tool-error.js';
import { processIo } from './io.js';

/**
 * Runs mapc with the given arguments and returns the exit code: 0 success, 1 the input has
 * problems, 2 the tool could not do its job. Commands are imported only when run, so that
 * `mapc validate` never loads what `mapc build` needs.
 */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('mapc')
    .description('Compile council Management Action Plans: validate YAML plans, render them to HTML and PDF, diff them year on year.')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'show the stack trace of an internal error')
    .exitOverride()
    // Usage mistakes read like mapc's other messages: "mapc: unknown command 'valdate'".
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text.replace(/^error: /, 'mapc: ')) })
    .showSuggestionAfterError();

  program
    .command('validate')
    .description('check plan files and report every problem with its place (file:line:column)')
    .argument('[paths...]', 'plan files or folders (default: the parts of ./mapc.yaml, else ./plans)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'count warnings as errors')
    .action(async (paths: string[], options: { format: 'text' | 'json' | 'github'; strict?: boolean }) => {
      const { validateCommand } = await import('./validate.js');
      exitCode = await validateCommand(paths, { format: options.format, strict: options.strict === true }, io);
    });

  program
    .command('build')
    .description('validate plans and render them to HTML (and PDF)')
    .argument('[paths...]', 'plan files or folders, or a mapc.yaml (default: the project of ./mapc.yaml, else ./plans)')
    .option('--to <formats>', 'output formats, comma-separated: html, pdf (default: both, or the project\'s)')
    .option('--out <dir>', 'output folder (default: dist, or the project\'s)')
    .option('--template <name|dir>', 'a built-in document (map, report, strategy) or a folder of your own templates')
    .option('--jobs <n>', 'plans rendered and documents printed at once (default: the number of cores)')
    .option('--timeout <seconds>', 'longest a document may take to print', '60')
    .option('-q, --quiet', 'print only problems')
    .addOption(new Option('--format <format>', 'text for people, or json: one summary of outputs and problems for scripts').choices(['text', 'json']).default('text'))
    .option('--watch', 'keep running: rebuild what a saved plan, template or stylesheet affects')
    .option('--browser-url <url>', 'print on a running Chromium (its ws:// DevTools address) instead of starting one; also MAPC_BROWSER_URL')
    .action(async (paths: string[], flags: import('./build.js').BuildCommandFlags & { watch?: boolean }) => {
      (await import('./signals.js')).installShutdownHandlers(io);
      const command = flags.watch ? (await import('./watch.js')).watchCommand : (await import('./build.js')).buildCommand;
      exitCode = await command(paths, flags, io);
    });

  program
    .command('diff')
    .description('compare two plans, usually one plan in consecutive years (exit 0 identical, 1 different; with --out, 0 once the file is written)')
    .argument('<old>', 'the earlier plan: a file, or REV:PATH to read it from git')
    .argument('<new>', 'the later plan: a file, or REV:PATH')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'html', 'pdf', 'json']).default('text'))
    .option('--out <file>', 'write to this file instead of standard output (then exit 0 once it is written)')
    .option('--detail', "for --format html and pdf: the officers' paper, with file names, ids, field counts and word changes of the covering paper")
    .option('--exit-code', 'exit 1 when the plans differ, with --out too (as diff(1))')
    .option('--browser-url <url>', 'for --format pdf: print on a running Chromium (its ws:// DevTools address); also MAPC_BROWSER_URL')
    .action(async (oldPlan: string, newPlan: string, options: import('./diff.js').DiffOptions) => {
      // Printing the paper starts a browser, which a signal must close.
      if (options.format === 'pdf') (await import('./signals.js')).installShutdownHandlers(io);
      const { diffCommand } = await import('./diff.js');
      exitCode = await diffCommand(oldPlan, newPlan, options, io);
    });

  program
    .command('rollover')
    .description("start next year's plan from this year's")
    .argument('<plan>', "this year's plan file")
    .requiredOption('--period <period>', 'the new plan period, e.g. 2003-04')
    .option('--out <file>', 'the new plan file (default: standard output)')
    .action(async (plan: string, options: { period: string; out?: string }) => {
      const { rolloverCommand } = await import('./rollover.js');
      exitCode = await rolloverCommand(plan, { period: options.period, ...(options.out === undefined ? {} : { out: options.out }) }, io);
    });

  program
    .command('init')
    .description('write a new, valid plan to start from')
    .argument('[file]', 'the plan file to create')
    .addOption(new Option('--kind <kind>', 'the kind of plan').choices(['qp-map', 'strategy']))
    .option('--authority <name>', 'the council, e.g. "Isle of Wight Council" (required)')
    .option('--period <period>', 'the plan period, e.g. 2002-03')
    .action(async (file: string | undefined, options: { kind?: string; authority?: string; period?: string }) => {
      const { initCommand } = await import('./init.js');
      exitCode = await initCommand(file, options, io);
    });

  program
    .command('import')
    .description('a draft plan from an existing document (.docx, .html or plain text), every guess marked "# check:"')
    .argument('<file>', 'the document to read')
    .addOption(new Option('--kind <kind>', 'what the document is (default: guessed from it)').choices(['qp-map', 'strategy']))
    .option('--out <file>', 'the plan file to write (default: standard output); never overwritten')
    .action(async (file: string, options: { kind?: 'qp-map' | 'strategy'; out?: string }) => {
      const { importCommand } = await import('./import.js');
      exitCode = await importCommand(file, options, io);
    });

  program
    .command('serve')
    .description('preview: build, serve the documents on this machine, rebuild and reload the page on every save')
    .argument('[paths...]', 'plan files or folders, or a mapc.yaml (default: the project of ./mapc.yaml, else ./plans)')
    .option('--port <port>', 'the port to serve on (0: any free one)', '4000')
    .option('--host <host>', 'the address to serve on; keep the default to stay private to this machine', '127.0.0.1')
    .option('--to <formats>', 'formats to build: html, pdf (default: html)')
    .option('--out <dir>', 'output folder (default: dist, or the project\'s)')
    .option('--template <name|dir>', 'a built-in document or a folder of your own templates')
    .option('--jobs <n>', 'plans rendered and documents printed at once (default: the number of cores)')
    .option('--timeout <seconds>', 'longest a document may take to print', '60')
    .option('--browser-url <url>', 'print on a running Chromium (its ws:// DevTools address) instead of starting one; also MAPC_BROWSER_URL')
    .action(async (paths: string[], flags: import('./build-options.js').BuildFlags & { port: string; host: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ToolError(`--port takes a port number, not '${flags.port}'.`);
      (await import('./signals.js')).installShutdownHandlers(io);
      const { serveCommand } = await import('./serve.js');
      exitCode = await serveCommand(paths, { ...flags, port }, io);
    });

  program
    .command('verify')
    .description('prove the outputs in DIR are what their sources build to (exit 1 if any differs)')
    .argument('<dir>', 'a folder written by mapc build, with its manifest.json')
    .action(async (dir: string) => {
      const { verifyCommand } = await import('./verify.js');
      exitCode = await verifyCommand(dir, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the plan format, for editors and other tools')
    .action(async () => {
      const { schemaCommand } = await import('./schema.js');
      exitCode = schemaCommand(io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    const code = reportFailure(error, io, argv.includes('--debug'));
    // A script that asked for JSON gets JSON, even when mapc could not do its job.
    if (code !== 0 && wantsJson(argv) && !(error instanceof CommanderError && error.exitCode === 0)) {
      const message = error instanceof Error ? error.message : String(error);
      const more = error instanceof ToolError ? error.json : undefined;
      io.stdout(JSON.stringify({ version: 1, ok: false, error: message.replace(/^error: /, ''), ...more }, null, 2) + '\n');
    }
    return code;
  }
}

function wantsJson(argv: string[]): boolean {
  return argv.some((arg, i) => arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
}

function reportFailure(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version end with code 0; every usage error is the tool's "could not do its job".
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof ToolError) {
    io.stderr(`mapc: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`mapc: internal error: ${message}\nThis is a bug in mapc; please report it with the command you ran and the output of --debug.\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 2;
}
