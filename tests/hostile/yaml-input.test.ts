/**
 * YAML a careless or malicious user could hand mapc, through every command that reads a
 * plan (build, validate, diff, rollover): the clear problem expected, in bounded time, no
 * stack trace, and for build, an earlier good output in the output folder left byte for
 * byte as it was.
 *
 * The hostile cases are one table. Every case runs all four commands through the built
 * bundle's `run(argv, io)` in a worker thread (isolated-run.ts): what is tested is what
 * they say, their exit code and the files they leave, and a node process for each cost
 * some 0.5 s of CPU (1 s for `build`), some 70 of them here. The worker has its own heap
 * limit and a watchdog, so that an alias bomb that expanded or a parser that never ended
 * still fails the case instead of the test run. The cases marked `binary` (one of each
 * kind: an alias bomb, deep nesting, a 50 MB file, invalid UTF-8) also run all four
 * commands through bin/mapc.js, as a user runs it, so that start-up, the bundle, exit
 * codes and the process's own stack and heap stay covered.
 *
 * Of the awkward but fine plans, the byte-order-mark build (PDF and all) and the one
 * writing terminal control sequences run through bin/mapc.js; the others' builds run in
 * the worker.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEarlierOutput,
  expectManifestTrue,
  expectNothingLost,
  expectOrderly,
  FIXTURES,
  GOOD_ID,
  GOOD_PLAN,
  goodSource,
  mapc,
  snapshot,
  tempDir,
} from './harness.js';
import { useIsolatedRun } from './isolated-run.js';

/** validate, diff and rollover: in this file's worker (see the top). */
const mapcInWorker = useIsolatedRun();

const MB = 1024 * 1024;

/** The good plan with lines after `id:` replaced or added, keeping the id the earlier output was built from. */
const withId = (body: string) => `mapc: 1\nid: ${GOOD_ID}\n${body}`;

function aliasBomb(levels: number, width: number, style: 'list' | 'mapping'): string {
  const lines = [withId('kind: strategy\n').trimEnd()];
  const of = (item: string) =>
    style === 'list' ? `[${Array(width).fill(item).join(', ')}]` : `{${Array.from({ length: width }, (_, i) => `k${i}: ${item}`).join(', ')}}`;
  lines.push(`x-l0: &l0 ${of('lol')}`);
  for (let level = 1; level < levels; level++) lines.push(`x-l${level}: &l${level} ${of(`*l${level - 1}`)}`);
  return lines.join('\n') + '\n';
}

interface YamlCase {
  name: string;
  content: () => string | Buffer;
  /** The problem code `validate` and `build` report, at line:column. */
  code: string;
  at: string;
  /** What every command says about it (diff and rollover say it in a sentence; diff exits 2, as its 1 means "they differ"). */
  says: RegExp;
  env?: NodeJS.ProcessEnv;
  /** Also run through bin/mapc.js (one case of each kind: see the top). */
  binary?: true;
}

const CASES: YamlCase[] = [
  {
    name: 'an alias bomb of lists (10^12 expansions)',
    binary: true,
    content: () => aliasBomb(12, 10, 'list'),
    code: 'yaml/too-many-aliases',
    at: '5:',
    says: /alias bomb/,
  },
  {
    name: 'an alias bomb of mappings (10^12 expansions)',
    content: () => aliasBomb(12, 10, 'mapping'),
    code: 'yaml/too-many-aliases',
    at: '5:',
    says: /alias bomb/,
  },
  {
    name: 'lists nested 10,000 deep, [[[…]]]',
    binary: true,
    content: () => withId(`x-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    code: 'yaml/too-deep',
    at: '3:',
    says: /nests lists or mappings too deeply/,
  },
  {
    name: 'mappings nested 10,000 deep, {a: {a: …}}',
    content: () => withId(`x-deep: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`),
    code: 'yaml/too-deep',
    at: '3:',
    says: /nests lists or mappings too deeply/,
  },
  {
    name: 'block lists nested 10,000 deep, - - - …',
    content: () => withId(`x-deep:\n  ${'- '.repeat(10_000)}x\n`),
    code: 'yaml/too-deep',
    at: '4:',
    says: /nests lists or mappings too deeply/,
  },
  {
    name: 'nesting 10,000 deep in a field mapc reads (objectives)',
    content: () => withId(`objectives: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    code: 'yaml/too-deep',
    at: '3:',
    says: /nests lists or mappings too deeply/,
  },
  {
    name: 'a 50 MB file',
    binary: true,
    content: () => withId('kind: strategy\n' + `x-padding: ${'lol '.repeat(4000)}\n`.repeat(Math.ceil((50 * MB) / 16_012))),
    code: 'file/too-large',
    at: '1:1',
    says: /This file is 50\.\d MB, more than the 5\.0 MB a plan may be\. .*MAPC_MAX_FILE_SIZE/,
  },
  {
    name: 'a 50 MB file, MAPC_MAX_FILE_SIZE set to nonsense (the default limit still holds)',
    content: () => withId('kind: strategy\n' + `x-padding: ${'lol '.repeat(4000)}\n`.repeat(Math.ceil((50 * MB) / 16_012))),
    code: 'file/too-large',
    at: '1:1',
    says: /more than the 5\.0 MB a plan may be/,
    env: { MAPC_MAX_FILE_SIZE: 'unlimited' },
  },
  {
    name: 'invalid UTF-8: Latin-1 text',
    binary: true,
    content: () => Buffer.concat([Buffer.from(withId('title: Caf')), Buffer.from([0xe9]), Buffer.from('\n')]),
    code: 'file/not-utf8',
    at: '1:1',
    says: /not UTF-8/,
  },
  {
    name: 'invalid UTF-8: an overlong encoding of "/" (C0 AF)',
    content: () => Buffer.concat([Buffer.from(withId('title: a')), Buffer.from([0xc0, 0xaf]), Buffer.from('b\n')]),
    code: 'file/not-utf8',
    at: '1:1',
    says: /not UTF-8/,
  },
  {
    name: 'invalid UTF-8: a UTF-16 file, as Notepad saves "Unicode"',
    content: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodSource(), 'utf16le')]),
    code: 'file/not-utf8',
    at: '1:1',
    says: /not UTF-8/,
  },
  {
    name: 'several documents in one file, the second one a whole plan',
    content: () => goodSource() + '---\n' + goodSource().replace('title: Children and Families Plan', 'title: The Second Document'),
    code: 'yaml/multiple-documents',
    at: `${goodSource().split('\n').length}:1`,
    says: /second `---`/,
  },
  {
    name: 'a scalar at the root',
    content: () => `${GOOD_ID}\n`,
    code: 'schema/wrong-type',
    at: '1:1',
    says: /should be a mapping \(key: value lines\), but it is 'hostile-target'/,
  },
  {
    name: 'a list at the root',
    content: () => `- mapc: 1\n- id: ${GOOD_ID}\n- kind: strategy\n`,
    code: 'schema/wrong-type',
    at: '1:1',
    says: /should be a mapping \(key: value lines\), but it is a list/,
  },
  {
    name: 'null at the root',
    content: () => '~\n',
    code: 'schema/wrong-type',
    at: '1:1',
    says: /should be a mapping \(key: value lines\), but it is empty/,
  },
  {
    name: 'only comments',
    content: () => '# mapc: 1\n# id: hostile-target\n',
    code: 'yaml/empty-file',
    at: '1:1',
    says: /The file is empty/,
  },
  {
    name: 'a YAML 1.1 merge key bringing in the kind',
    content: () => goodSource().replace('kind: strategy', '<<: { kind: strategy }'),
    code: 'schema/unknown-key',
    at: '5:1',
    says: /Merge keys \(<<\) are not part of YAML 1\.2/,
  },
];

let earlier: Awaited<ReturnType<typeof buildEarlierOutput>>;
beforeAll(async () => {
  earlier = await buildEarlierOutput();
});

/** Folders of this file's plans, removed after each test (some hold 50 MB). */
const written: string[] = [];
afterEach(() => {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writePlan(content: string | Buffer): { dir: string; file: string } {
  const dir = tempDir('yaml');
  written.push(dir);
  writeFileSync(join(dir, 'plan.yaml'), content);
  return { dir, file: 'plan.yaml' };
}

type Runner = typeof mapc;

/** All four commands on a hostile plan, through `runner`, and what each must say and leave. */
async function expectRefusedEverywhere(runner: Runner, how: string, { content, code, at, says, env }: YamlCase): Promise<void> {
  const { dir, file } = writePlan(content());
  const { out, before } = earlier();
  const options = { cwd: dir, env: env ?? {} };
  const [build, validate, diff, rollover] = await Promise.all([
    // HTML only: the plan is refused before anything is printed (printing hostile text is tests/hostile/content.test.ts's).
    runner(['build', '--to', 'html', '--out', out, file], options),
    runner(['validate', file], options),
    runner(['diff', file, GOOD_PLAN], options),
    runner(['rollover', file, '--period', '2005-06'], options),
  ]);
  const problem = new RegExp(`^${file}:${at.replace(/:$/, ':\\d+')}: error: .*\\[${code}\\]$`, 'm');

  expectOrderly(build, 1);
  expect(build.stderr, `build ${how}`).toMatch(problem);
  expect(build.stderr, `build ${how}`).toMatch(says);
  expect(build.stdout, `build ${how}`).toBe('');
  expectNothingLost(out, before);
  expectManifestTrue(out);

  expectOrderly(validate, 1);
  expect(validate.stdout, `validate ${how}`).toMatch(problem);
  expect(validate.stdout, `validate ${how}`).toMatch(says);

  for (const [command, other, exit] of [['diff', diff, 2], ['rollover', rollover, 1]] as const) {
    expectOrderly(other, exit);
    expect(other.stderr, `${command} ${how}`).toMatch(says);
    expect(other.stdout, `${command} ${how}`).toBe('');
  }
  expect(snapshot(dir), `the plan's folder after the commands ${how}`).toEqual({ 'plan.yaml': expect.any(String) });
}

describe('hostile YAML, through every command that reads a plan', () => {
  it.each(CASES)('$name', (hostile) => expectRefusedEverywhere(mapcInWorker, 'in-process (worker)', hostile));
});

describe('hostile YAML, through every command of bin/mapc.js (one case of each kind)', () => {
  it.each(CASES.filter((hostile) => hostile.binary))('$name', (hostile) => expectRefusedEverywhere(mapc, 'through bin/mapc.js', hostile));
});

describe('YAML that is fine, written awkwardly', () => {
  it('a byte-order mark and CRLF line ends give byte-identical documents and manifest', async () => {
    // The same relative path as the earlier build's source, so the manifest names the same source.
    const dir = tempDir('crlf');
    const relative = 'tests/fixtures/hostile/good-plan.yaml';
    mkdirSync(dirname(join(dir, relative)), { recursive: true });
    writeFileSync(join(dir, relative), '\uFEFF' + goodSource().replace(/\n/g, '\r\n'));
    const { out, before } = earlier();
    const build = await mapc(['build', '--out', out, relative], { cwd: dir });
    expectOrderly(build, 0);
    expectNothingLost(out, before);
    const [validate, diff] = await Promise.all([
      mapcInWorker(['validate', '--strict', relative], { cwd: dir }),
      mapcInWorker(['diff', '--format', 'json', relative, GOOD_PLAN], { cwd: dir }),
    ]);
    expectOrderly(validate, 0);
    expectOrderly(diff, 0);
    expect(JSON.parse(diff.stdout).changes).toEqual([]);
  });

  it('MAPC_MAX_FILE_SIZE raised lets a 6 MB plan through, which the default refuses', async () => {
    const { dir, file } = writePlan(goodSource() + `# ${'padding '.repeat(100)}\n`.repeat(Math.ceil((6 * MB) / 803)));
    const refused = await mapcInWorker(['validate', file], { cwd: dir });
    expectOrderly(refused, 1);
    expect(refused.stdout).toMatch(/\[file\/too-large\]/);
    const { out, before } = earlier();
    const build = await mapcInWorker(['build', '--to', 'html', '--out', out, file], { cwd: dir, env: { MAPC_MAX_FILE_SIZE: String(8 * MB) } });
    expectOrderly(build, 0);
    // Comments are not printed: the documents are those of the good plan.
    expect(snapshot(out)['hostile-target.html']).toBe(before['hostile-target.html']);
    expectManifestTrue(out);
  });

  it('__proto__, constructor and prototype are ordinary unknown keys, wherever they are', async () => {
    const source = readFileSync(join(FIXTURES, 'prototype-keys.yaml'), 'utf8');
    const { dir, file } = writePlan(source);
    const { out, before } = earlier();
    const [build, validate] = await Promise.all([mapcInWorker(['build', '--out', out, file], { cwd: dir }), mapcInWorker(['validate', '--format', 'json', file], { cwd: dir })]);
    expectOrderly(build, 1);
    expectNothingLost(out, before);
    expectOrderly(validate, 1);
    const problems = (JSON.parse(validate.stdout).files[0].problems as { code: string; line: number; message: string }[]).map((p) => `${p.line} ${p.code} ${p.message}`);
    const lineOf = (text: string) => source.split('\n').findIndex((line) => line.startsWith(text)) + 1;
    expect(problems).toEqual([
      `${lineOf('    __proto__:')} schema/unknown-key Unknown key '__proto__' in objective 'first'.`,
      `${lineOf('    constructor:')} schema/unknown-key Unknown key 'constructor' in objective 'first'.`,
      `${lineOf('  __proto__: { polluted')} schema/wrong-type '__proto__' of the glossary should be text, but it is a mapping.`,
      `${lineOf('  constructor: { name')} schema/wrong-type 'constructor' of the glossary should be text, but it is a mapping.`,
      `${lineOf('  toString: [')} schema/wrong-type 'toString' of the glossary should be text, but it is a list.`,
      `${lineOf('__proto__: { kind')} schema/unknown-key Unknown key '__proto__' in the plan.`,
      `${lineOf('constructor: { prototype')} schema/unknown-key Unknown key 'constructor' in the plan.`,
      `${lineOf('prototype: 1')} schema/unknown-key Unknown key 'prototype' in the plan.`,
    ].map((p) => expect.stringContaining(p)));
  });

  it('terminal control sequences in a plan are never written raw to the terminal', async () => {
    // Raw ESC and BEL bytes beside a mistake (shown in its code frame), and the same written
    // as YAML escapes in a value and a key (quoted in the messages): clear the screen, set the
    // window title, colour the rest red. A plan from a pull request must not do that to CI logs.
    const source = goodSource()
      .replace('title: Children and Families Plan', 'title: "Plan \x1b[2J\x1b]0;PWNED\x07\x1b[31m"\nstaus: draft')
      .replace('period: 2004-05', 'period: 2004-05\nstatus: "\\e[2J\\e]0;PWNED\\a"\n"x\\e[8mhidden": 1\n"st\\e[31mus\\u009b2J": 2');
    const { dir, file } = writePlan(source);
    const { out, before } = earlier();
    const [validate, github, build] = await Promise.all([
      mapcInWorker(['validate', file], { cwd: dir }),
      mapcInWorker(['validate', '--format', 'github', file], { cwd: dir }),
      mapc(['build', '--out', out, file], { cwd: dir }),
    ]);
    for (const outcome of [validate, github, build]) {
      expectOrderly(outcome, 1);
      const printed = outcome.stdout + outcome.stderr;
      expect(printed).toMatch(/staus|status/);
      const controls = [...printed.matchAll(/[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/g)].map((m) => `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index}`);
      expect(controls).toEqual([]);
    }
    expectNothingLost(out, before);
  });

  it('a valid plan whose done action is written once and aliased (*name) elsewhere: every command copes', async () => {
    const { dir, file } = writePlan(readFileSync(join(FIXTURES, 'aliased-action.yaml'), 'utf8'));
    const { out } = earlier();
    const [build, validate, diff, rollover] = await Promise.all([
      mapcInWorker(['build', '--to', 'html', '--out', out, file], { cwd: dir }),
      mapcInWorker(['validate', file], { cwd: dir }),
      mapcInWorker(['diff', file, file], { cwd: dir }),
      mapcInWorker(['rollover', file, '--period', '2005-06', '--out', 'next.yaml'], { cwd: dir }),
    ]);
    expectOrderly(build, 0);
    expectManifestTrue(out);
    expectOrderly(validate, 0);
    expectOrderly(diff, 0);
    // Rolled over, or refused with a reason; either way next year's plan, if written, is valid.
    expect(rollover.stderr).not.toMatch(/internal error/);
    expectOrderly(rollover, rollover.code === 2 ? 2 : 0);
    if (rollover.code === 0) expectOrderly(await mapcInWorker(['validate', 'next.yaml'], { cwd: dir }), 0);
    else expect(rollover.stderr).toMatch(/^mapc: cannot roll 'plan\.yaml' over: .*alias/m);
  });
});
