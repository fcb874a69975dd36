// The hbs.AST types are global, declared by handlebars' own type definitions.
/// <reference types="handlebars" />
import { TemplateError } from './template-error.js';

/** The template files a check may follow: a template's partials by name, each file's parsed text and its name for messages. */
export interface TemplateFiles {
  partialFile(name: string): string | undefined;
  parse(file: string): hbs.AST.Program;
  display(file: string): string;
}

/** Whether the template in `file`, or a partial it includes (by name, however deep), includes the partial `name`. */
export function includesPartial(file: string, name: string, files: TemplateFiles): boolean {
  return reachable(file, files).some((reached) => statementsOf(files.parse(reached)).some(({ statement }) => partialName(statement) === name));
}

/**
 * Refuses a body that could not be bound as one part of a bound document: one that writes
 * an id, a reference to one, a heading or a <main> as plain text, which would clash with
 * the other parts' or sit at the wrong level. The body and every partial it includes are
 * read; the first such place stops the build with what to write instead. This reads the
 * template, not what it renders: what is written through the helpers (anchorId, level,
 * main) is right by construction, and nothing is patched afterwards.
 */
export function checkPartTemplate(body: string, files: TemplateFiles): void {
  for (const file of reachable(body, files)) {
    for (const { statement, next } of statementsOf(files.parse(file))) {
      if (statement.type !== 'ContentStatement') continue;
      const content = statement as hbs.AST.ContentStatement;
      const mistake = firstMistake(textOf(content), isAnchorId(next));
      if (!mistake) continue;
      const { line, column } = placeIn(content, mistake.index);
      throw new TemplateError(
        `${files.display(file)}:${line}:${column}: write ${mistake.advice}, so that the parts can be bound into one document, where each part's ids are prefixed and its headings are a level down.`,
      );
    }
  }
}

const HEADING_OR_MAIN = /<\/?(h([1-6])|main)\b/gi;
/** An attribute that names an element by its id, its value started: what follows must be {{anchorId …}}. */
const REFERENCE = /(?<![\w-])(id|for|headers|aria-labelledby|aria-describedby|aria-controls|aria-owns)\s*=\s*["']?|(?<![\w-])href\s*=\s*["']?#/gi;

interface Mistake {
  index: number;
  advice: string;
}

/** The first place in a template's text that binding could not follow; `anchorIdFollows` when the text is followed by {{anchorId …}}. */
function firstMistake(text: string, anchorIdFollows: boolean): Mistake | undefined {
  const mistakes: Mistake[] = [];
  for (const match of text.matchAll(HEADING_OR_MAIN)) {
    const level = match[2];
    mistakes.push({ index: match.index, advice: level ? `the heading as <h{{level ${level}}}>…</h{{level ${level}}}>` : 'the main content as {{#main}}…{{/main}}' });
  }
  for (const match of text.matchAll(REFERENCE)) {
    if (match.index + match[0].length === text.length && anchorIdFollows) continue;
    const attribute = match[1]?.toLowerCase();
    const advice = !attribute ? 'the link as href="#{{anchorId …}}"' : attribute === 'id' ? 'the id as id="{{anchorId …}}"' : `the reference as ${attribute}="{{anchorId …}}"`;
    mistakes.push({ index: match.index, advice });
  }
  return mistakes.sort((a, b) => a.index - b.index)[0];
}

function isAnchorId(statement: hbs.AST.Statement | undefined): boolean {
  if (statement?.type !== 'MustacheStatement') return false;
  const path = (statement as hbs.AST.MustacheStatement).path;
  return path.type === 'PathExpression' && (path as hbs.AST.PathExpression).original === 'anchorId';
}

/** Line and column (from 1) of a character of a piece of a template's text. */
function placeIn(content: hbs.AST.ContentStatement, index: number): { line: number; column: number } {
  const before = textOf(content).slice(0, index);
  const lines = before.split('\n');
  const line = content.loc.start.line + lines.length - 1;
  const column = lines.length === 1 ? content.loc.start.column + index + 1 : lines.at(-1)!.length + 1;
  return { line, column };
}

/** A piece of template text as written, before Handlebars strips the whitespace around standalone tags (its type says otherwise). */
function textOf(content: hbs.AST.ContentStatement): string {
  return (content as unknown as { original: string }).original;
}

/** `file` and the files of the partials it includes by name, however deep, each once; not the body, which is the document's own. */
function reachable(file: string, files: TemplateFiles): string[] {
  const found = [file];
  for (let i = 0; i < found.length; i++) {
    for (const { statement } of statementsOf(files.parse(found[i]!))) {
      const name = partialName(statement);
      const partial = name === undefined || name === 'body' ? undefined : files.partialFile(name);
      if (partial && !found.includes(partial)) found.push(partial);
    }
  }
  return found;
}

/** A partial's name when it is written out (`{{> glossary}}`), not computed. */
function partialName(statement: hbs.AST.Statement): string | undefined {
  if (statement.type !== 'PartialStatement' && statement.type !== 'PartialBlockStatement') return undefined;
  // `{{> "name"}}` is a string literal, which the type leaves out.
  const name = (statement as hbs.AST.PartialStatement).name as hbs.AST.Node;
  if (name.type === 'PathExpression') return (name as hbs.AST.PathExpression).original;
  if (name.type === 'StringLiteral') return (name as hbs.AST.StringLiteral).value;
  return undefined;
}

interface Placed {
  statement: hbs.AST.Statement;
  /** The statement after it in the same block. */
  next: hbs.AST.Statement | undefined;
}

/** Every statement of a template, blocks' contents included. */
function statementsOf(program: hbs.AST.Program, into: Placed[] = []): Placed[] {
  const body = program.body;
  body.forEach((statement, i) => {
    into.push({ statement, next: body[i + 1] });
    if (statement.type === 'BlockStatement' || statement.type === 'DecoratorBlock') {
      const block = statement as hbs.AST.BlockStatement;
      if (block.program) statementsOf(block.program, into);
      if (block.inverse) statementsOf(block.inverse, into);
    }
    if (statement.type === 'PartialBlockStatement') statementsOf((statement as hbs.AST.PartialBlockStatement).program, into);
  });
  return into;
}
