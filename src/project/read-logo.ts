import { dirname, extname, resolve } from 'node:path';
import { locateInPlan } from '../plan/check-plan.js';
import type { Plan } from '../plan/model.js';
import { isWithin, readFileInside } from '../plan/read-file-inside.js';
import type { LocatedProblem } from '../problems/problem.js';
import { describeSize, projectRootFor } from './read-plan-file.js';

/** A logo is a few kilobytes; it is written into every paper, so a megabyte is already a mistake. */
export const MAX_LOGO_BYTES = 1024 * 1024;

const TYPES: Record<string, { mime: string; name: string }> = {
  '.png': { mime: 'image/png', name: 'PNG' },
  '.jpg': { mime: 'image/jpeg', name: 'JPEG' },
  '.jpeg': { mime: 'image/jpeg', name: 'JPEG' },
  '.svg': { mime: 'image/svg+xml', name: 'SVG' },
};

/**
 * Reads the logo a plan's committee paper names (`report.logo.file`, relative to the plan
 * file) as the bounded, inside-the-project reader reads plans: a file outside the project,
 * or a link out of it, is refused unread. It becomes a data: URI in the model, so the paper
 * stays one file and the browser fetches nothing. An SVG is untrusted: it is only ever shown
 * through <img>, which runs no script and loads nothing. A logo that cannot be used is one
 * error at the `file:` value; the plan is then not built.
 */
export function readLogo(plan: Plan, source: string, planFile: string, cwd: string): { plan: Plan } | { problem: LocatedProblem } {
  const logo = plan.report?.logo;
  const path = logoPath(plan, planFile, cwd);
  if (!plan.report || !logo || path === undefined) return { plan };
  const planPath = resolve(cwd, planFile);
  const root = projectRootFor(planPath, cwd);
  const refuse = (code: string, why: string) => ({ problem: locateInPlan(source, { severity: 'error', code, message: `The logo ${logo.file} ${why}`, pointer: '/report/logo/file' }) });

  const type = TYPES[extname(path).toLowerCase()];
  if (!type) return refuse('file/not-an-image', 'is not a PNG, JPEG or SVG file: name one ending .png, .jpg, .jpeg or .svg.');
  if (!isWithin(resolve(root), path)) return refuse('file/outside-project', 'is outside the project, and mapc reads only files inside it: copy the logo into the project.');
  const read = readFileInside(path, root, MAX_LOGO_BYTES);
  if ('reason' in read) {
    switch (read.reason) {
      case 'outside':
        return refuse('file/outside-project', `was not read: ${read.message}. Copy the logo into the project.`);
      case 'too-large':
        return refuse('file/too-large', `is ${describeSize(read.size)}, more than the ${describeSize(MAX_LOGO_BYTES)} a logo may be: save a smaller one.`);
      case 'not-a-file':
        return refuse('file/not-a-file', `was not read: ${read.message}.`);
      default:
        return refuse('file/unreadable', `cannot be read: ${read.message}.`);
    }
  }
  const wrong = wrongContent(type.mime, read.bytes);
  if (wrong) return refuse('file/not-an-image', wrong);
  const src = `data:${type.mime};base64,${read.bytes.toString('base64')}`;
  return { plan: { ...plan, report: { ...plan.report, logo: { ...logo, src } } } };
}

/** Where the logo a plan's paper names is (absolute), or undefined when it names none. */
export function logoPath(plan: Plan, planFile: string, cwd: string): string | undefined {
  const logo = plan.report?.logo;
  return logo ? resolve(dirname(resolve(cwd, planFile)), logo.file) : undefined;
}

/** Why the bytes are not the picture the file's name says, or undefined when they are. */
function wrongContent(mime: string, bytes: Buffer): string | undefined {
  if (mime === 'image/png') return bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? undefined : 'is not a PNG picture, as its name says.';
  if (mime === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff ? undefined : 'is not a JPEG picture, as its name says.';
  const text = bytes.toString('utf8');
  if (!SVG_START.test(text)) return 'is not an SVG picture, as its name says: its first element is not <svg>.';
  // Entities can make a small file expand without bound as it is read.
  if (/<!ENTITY/i.test(text)) return 'declares XML entities, which an SVG logo may not: save it without them.';
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An optional byte-order mark, XML declaration, comments and doctype, then the <svg> element. One character of space at a time: no backtracking. */
const SVG_START = /^\uFEFF?(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[^\]]*\])?\s*>)*<svg[\s>]/;
