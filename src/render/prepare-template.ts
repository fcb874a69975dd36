import type Handlebars from 'handlebars';
import { guardFieldLookups } from './guard-field-lookups.js';
import { HELPER_NAMES } from './helpers.js';
import { TemplateError } from './template-error.js';

// Its own file, so that helpers, which this file's options name, can throw it too.
export { TemplateError } from './template-error.js';

/**
 * Handlebars' options for every template. Our lookups are guarded (guardFieldLookups);
 * Handlebars' strict mode would refuse `{{#if x}}` on null.
 */
export const COMPILE_OPTIONS = {
  noEscape: false,
  knownHelpers: Object.fromEntries([...HELPER_NAMES].map((name) => [name, true])),
} satisfies PrecompileOptions;

/** How errors name one of mapc's own templates, by its path in templates/ ('map/document.hbs'). */
export function builtInTemplateName(path: string): string {
  return `mapc's templates/${path}`;
}

/**
 * A template's text parsed, with every field lookup guarded: what Handlebars compiles,
 * when a build runs (TemplateSet) or ahead of it (scripts/precompile-templates.js).
 * `display` names the file in errors, there and when the template later runs.
 */
export function prepareTemplate(hb: typeof Handlebars, source: string, display: string): hbs.AST.Program {
  let program: hbs.AST.Program;
  try {
    program = hb.parse(source);
  } catch (error) {
    // Handlebars says where (line, a caret under the spot) and what it expected, over several lines.
    throw new TemplateError(`${display}: ${(error as Error).message.trim().replace(/\n/g, '\n  ')}`);
  }
  guardFieldLookups(program, display, HELPER_NAMES);
  return program;
}
