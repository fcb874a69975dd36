import type { Problem } from '../problems/problem.js';
import { textsOf, type Block } from './blocks.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readText } from './read-text.js';
import { recogniseDocument } from './recognise-document.js';
import { Recaser } from './recase.js';
import { settleDraft, type Kind } from './settle-draft.js';
import { writePlanYaml } from './write-plan-yaml.js';

export interface ImportOptions {
  /** What the document is, when the officer knows better than the guess. */
  kind?: Kind;
  /** Written as the editor's schema modeline at the top of the plan. */
  schemaPath?: string;
}

export interface ImportCounts {
  objectives: number;
  achievements: number;
  actions: number;
  keyActions: number;
  strategyItems: number;
  glossary: number;
  report: boolean;
}

export type ImportOutcome = { ok: true; yaml: string; checks: number; counts: ImportCounts; kind: Kind } | { ok: false; problem: Problem };

/**
 * A council document (a .docx, an HTML page, or plain text) as a draft plan file that
 * `mapc validate` accepts, with a `# check:` note at every guess. The same bytes give the
 * same plan. A file that is not such a document is one problem, never an exception.
 */
export async function importDocument(bytes: Uint8Array, name: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const read = await readBlocks(bytes, name);
  if (!read.ok) return fail(read.reason);
  const texts = textsOf(read.blocks);
  if (texts.join('').trim() === '') return fail('it has no text');
  const draft = recogniseDocument(read.blocks, new Recaser(texts));
  const found = draft.objectives.length + draft.keyActions.length + (draft.strategy?.items.length ?? 0) + (draft.report?.date ? 1 : 0);
  if (found === 0) return fail('no plan was found in it: no objectives or themes, key action points, strategy or committee paper');
  const settled = settleDraft(draft, texts, baseName(name), options.kind);
  const { yaml, checks } = writePlanYaml(settled, baseName(name), options.schemaPath);
  const items = (list: 'achievements' | 'actions') => settled.objectives.reduce((n, o) => n + o[list].length, 0);
  return {
    ok: true,
    yaml,
    checks,
    kind: settled.kind.value,
    counts: {
      objectives: settled.objectives.length,
      achievements: items('achievements'),
      actions: items('actions'),
      keyActions: settled.keyActions.length,
      strategyItems: settled.strategy?.items.length ?? 0,
      glossary: settled.glossary.length,
      report: settled.report !== undefined,
    },
  };
}

type Reading = { ok: true; blocks: Block[] } | { ok: false; reason: string };

/** By the file's name where it says (.docx, .html, .txt), else by its first bytes. */
async function readBlocks(bytes: Uint8Array, name: string): Promise<Reading> {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (extension === 'docx' || head.startsWith('PK\u0003\u0004') || head.startsWith('\u00d0\u00cf\u0011\u00e0')) return readDocx(bytes);
  if (head.startsWith('%PDF')) return { ok: false, reason: 'it is a PDF, which mapc cannot read: open it and save it as Word (.docx) or copy its text into a .txt file' };
  if (['doc', 'odt', 'rtf', 'pdf', 'xlsx', 'xls', 'pptx', 'zip', 'png', 'jpg', 'jpeg', 'gif'].includes(extension)) return { ok: false, reason: `mapc cannot read .${extension} files: save it as Word (.docx), HTML or plain text` };
  const text = decode(bytes);
  if (text === undefined) return { ok: false, reason: 'it is not a document mapc can read (it is binary, not text, HTML or .docx)' };
  if (['html', 'htm', 'xhtml'].includes(extension) || /^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 1024))) return { ok: true, blocks: readHtml(text) };
  return { ok: true, blocks: readText(text) };
}

/** UTF-8, else Windows-1252 (older council pages); undefined for binary (a NUL byte, or many control characters). */
function decode(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return undefined;
    if (byte < 9 || (byte > 13 && byte < 32)) controls++;
  }
  if (controls > sample.length / 100 + 2) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

function fail(reason: string): ImportOutcome {
  return { ok: false, problem: { severity: 'error', code: 'import/not-a-plan', message: reason, pointer: '' } };
}
