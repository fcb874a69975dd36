import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mapc.js';

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
}

/** A step's script run as the runner runs it, to its end: its exit status and output (not synchronously, so that a test's limit can stop a hang). */
function runScript(script: string, options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const workflow = parse(readFileSync(join(ROOT, 'docs/github-actions.yml'), 'utf8')) as {
  on: { push: { tags: string[] } };
  jobs: Record<string, { steps: Step[]; env?: Record<string, string>; if?: string; needs?: string }>;
};

/** The steps this machine runs: all but GitHub's own actions (checkout, setup-node, upload). */
function runnable(steps: Step[]): Step[] {
  return steps.filter((step) => step.run !== undefined);
}

/**
 * A copy of this working tree as a checkout would have it: the files git knows, no build;
 * `without` leaves some of them out (a plans repository with fewer plans in plans/).
 */
function checkoutCopy(without: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapc-ci-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) if (existsSync(join(ROOT, file)) && !without.includes(file)) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  return dir;
}

/**
 * What the recipe's `npm ci` leaves in a checkout, without installing again: this
 * checkout's packages (installed by scripts/setup.sh with `npm ci` from the same lock
 * file) and its build (`npm ci` runs `prepare`, which builds; `npm test` has just built).
 * Installing again took minutes on a busy machine, all of it npm's, none of it the recipe's.
 */
function installedAsByNpmCi(dir: string): void {
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
}

describe('the CI recipe (docs/github-actions.yml)', () => {
  it('validates every push and pull request, and publishes only from a tag after validation', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['validate', 'publish']);
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.jobs.publish!.if).toBe("startsWith(github.ref, 'refs/tags/')");
    expect(workflow.jobs.publish!.needs).toBe('validate');
    expect(runnable(workflow.jobs.validate!.steps).map((s) => s.run)).toHaveLength(2);
  });

  it("fails a pull request whose mapc.yaml has a typo, with an annotation on mapc.yaml's line", async () => {
    const dir = checkoutCopy();
    installedAsByNpmCi(dir);
    writeFileSync(join(dir, 'mapc.yaml'), readFileSync(join(dir, 'mapc.yaml'), 'utf8').replace('authority:', 'authorty:'));
    const [, validateStep] = runnable(workflow.jobs.validate!.steps);
    const run = await runScript(validateStep!.run!, { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=mapc\.yaml,line=10,/m);
  });

  it('fails the build when git cannot give the date of the commit, rather than date the PDFs otherwise', async () => {
    const dir = checkoutCopy(); // not a git repository: git log fails
    installedAsByNpmCi(dir);
    const build = runnable(workflow.jobs.publish!.steps).find((step) => step.run!.includes('SOURCE_DATE_EPOCH'));
    const run = await runScript(build!.run!, { cwd: dir, env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(dir) } });
    expect(run.stderr).toMatch(/not a git repository/);
    expect(run.status).not.toBe(0);
    expect(existsSync(join(dir, 'submission'))).toBe(false);
  });

  it('installs as the set-up does: npm ci, which builds mapc (prepare)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(readFileSync(join(ROOT, 'scripts/setup.sh'), 'utf8')).toMatch(/^npm ci\b/m);
    for (const job of Object.values(workflow.jobs)) expect(runnable(job.steps)[0]!.run).toBe('npm ci');
  });

  it('runs its steps in a copy of the repository: validate, build, verify, summary', async () => {
    // A plans repository with three plans in plans/: the Isle of Wight plan and the two parts of
    // the Devon project (mapc.yaml), which the assertions name. The 2003-04 Isle of Wight plan
    // is left out: the steps are what is tested, and it would only be built and verified again
    // as a third plan (its map and report printed twice), with nothing checked of it.
    const dir = checkoutCopy(['plans/isle-of-wight-qp-map-2003-04.yaml']);
    expect(existsSync(join(dir, 'plans/isle-of-wight-qp-map-2003-04.yaml'))).toBe(false);
    installedAsByNpmCi(dir);
    // A checkout of a tagged commit: the build dates undated PDFs by it.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.org', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.org', GIT_COMMITTER_DATE: '2003-01-31T12:00:00Z' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'The 2003 submission');
    const summary = join(dir, 'summary.md');
    const env = {
      ...process.env,
      ...workflow.jobs.publish!.env,
      // This machine's Chromium stands in for the runner's Chrome.
      PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/lib/chromium/chromium',
      GITHUB_REF_NAME: 'v2003-01-31',
      GITHUB_STEP_SUMMARY: summary,
    };
    // Every step but each job's first, npm ci (see installedAsByNpmCi).
    const steps = [...runnable(workflow.jobs.validate!.steps).slice(1), ...runnable(workflow.jobs.publish!.steps).slice(1)];
    // One after another, as the runner does; not synchronously, so that the test's limit can stop a hang.
    const outputs: string[] = [];
    for (const step of steps) {
      const run = await runScript(step.run!, { cwd: dir, env });
      expect(run.status, `${step.run}\n${run.stderr}`).toBe(0);
      outputs.push(run.stdout);
    }
    expect(outputs[0]).toBe(''); // no problem to annotate
    expect(outputs[2]).toMatch(/^\d+ outputs verified: each is what its source builds to\.\n6 outputs verified: each is what its source builds to\.\n$/);
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('## Submission for v2003-01-31');
    expect(table).toMatch(/\| iow-qp-map-2002-03\.pdf \| `[0-9a-f]{16}…` \|/);
    expect(table).toMatch(/\| whole-document\/devon-strategic-plan-2004\.pdf \| `[0-9a-f]{16}…` \|/);
    const manifest = JSON.parse(readFileSync(join(dir, 'submission/manifest.json'), 'utf8'));
    // Devon's parts have no date of their own: the commit's time dates them, and is recorded.
    const devon = manifest.outputs.find((o: { file: string }) => o.file === 'devon-children-and-families-2004-05.pdf');
    expect(devon.sourceDateEpoch).toBe(String(Date.parse('2003-01-31T12:00:00Z') / 1000));
    // Four PDF builds of three plans, on the run's browser: some 15 s. The limit is for a hang.
  }, 600_000);
});
