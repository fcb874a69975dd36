// The hbs.AST types are global, declared by handlebars' own type definitions.
/// <reference types="handlebars" />

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;

/** The helper that every guarded lookup becomes (see `lookupField`). */
export const FIELD_HELPER = 'mapcField';

/** A template referred to a field that the data does not have. */
export class TemplateFieldError extends Error {
  override name = 'TemplateFieldError';
  constructor(
    readonly place: string,
    readonly field: string,
    readonly available: string[],
  ) {
    super(
      `${place}: the template uses '${field}', which does not exist here.` +
        (available.length > 0 ? ` Fields here: ${available.join(', ')}.` : ''),
    );
  }
}

/**
 * Rewrites every lookup of a field in a template, `{{title}}`, `{{#if report}}`,
 * `{{markdown summary}}`, into a call of the field helper carrying the template's file,
 * line and column. Handlebars' own strict mode checks only plain `{{field}}` lookups and
 * says neither file nor anything about `{{#if typo}}`, which silently renders nothing.
 * Helper names, `this`, `@data`, `../parent` and block parameters are left alone.
 */
export function guardFieldLookups(program: hbs.AST.Program, file: string, helpers: ReadonlySet<string>): void {
  const guard = (expression: Expression, scope: ReadonlySet<string>): Expression => {
    if (expression.type === 'SubExpression') {
      visitCall(expression as hbs.AST.SubExpression, scope);
      return expression;
    }
    if (expression.type !== 'PathExpression') return expression;
    const path = expression as PathExpression;
    if (path.data || path.depth > 0 || path.parts.length === 0 || scope.has(path.parts[0]!)) return expression;
    return fieldCall(path, file);
  };

  const visitCall = (call: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, scope: ReadonlySet<string>) => {
    call.params = call.params.map((param: Expression) => guard(param, scope));
    if (call.hash) for (const pair of call.hash.pairs) pair.value = guard(pair.value, scope);
  };

  const visit = (node: Node, scope: ReadonlySet<string>): void => {
    switch (node.type) {
      case 'Program': {
        const program = node as hbs.AST.Program;
        const inner = program.blockParams?.length ? new Set([...scope, ...program.blockParams]) : scope;
        for (const statement of program.body) visit(statement, inner);
        return;
      }
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        const path = mustache.path as PathExpression;
        const isHelper = path.type === 'PathExpression' && path.parts.length === 1 && helpers.has(path.parts[0]!);
        if (mustache.params.length === 0 && !mustache.hash && !isHelper) {
          // A bare {{field}}: becomes {{mapcField this "field" "place"}}, escaped as before.
          mustache.path = guard(mustache.path as Expression, scope) as PathExpression;
          if (mustache.path.type === 'SubExpression') {
            const call = mustache.path as unknown as hbs.AST.SubExpression;
            mustache.path = call.path as PathExpression;
            mustache.params = call.params;
          }
          return;
        }
        visitCall(mustache, scope);
        return;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        visitCall(block, scope);
        visit(block.program, scope);
        if (block.inverse) visit(block.inverse, scope);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as hbs.AST.PartialStatement;
        partial.params = partial.params.map((param: Expression) => guard(param, scope));
        if (partial.hash) for (const pair of partial.hash.pairs) pair.value = guard(pair.value, scope);
        if (node.type === 'PartialBlockStatement') visit((node as hbs.AST.PartialBlockStatement).program, scope);
        return;
      }
      default:
        return;
    }
  };

  visit(program, new Set());
}

function fieldCall(path: PathExpression, file: string): hbs.AST.SubExpression {
  const loc = path.loc;
  const place = `${file}:${loc.start.line}:${loc.start.column + 1}`;
  const literal = (value: string): hbs.AST.StringLiteral => ({ type: 'StringLiteral', value, original: value, loc });
  const helperPath: PathExpression = { type: 'PathExpression', data: false, depth: 0, parts: [FIELD_HELPER], original: FIELD_HELPER, loc };
  const thisPath: PathExpression = { type: 'PathExpression', data: false, depth: 0, parts: [], original: 'this', loc };
  return {
    type: 'SubExpression',
    path: helperPath,
    params: [thisPath, literal(path.parts.join('.')), literal(place)],
    hash: { type: 'Hash', pairs: [], loc },
    loc,
  } as hbs.AST.SubExpression;
}

/**
 * The field helper: looks `path` up in `context`, throwing when a name is missing. A
 * field that exists with the value null ("the plan leaves this out") is fine.
 */
export function lookupField(context: unknown, path: string, place: string): unknown {
  let value: unknown = context;
  for (const name of path.split('.')) {
    if (value === null || value === undefined) return value;
    // `list.[1]` asks whether there is a second item; its absence is an answer, not a typo.
    if (Array.isArray(value) && /^\d+$/.test(name)) {
      value = value[Number(name)];
      continue;
    }
    if (typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, name)) {
      const available = typeof value === 'object' ? Object.keys(value as object).filter((k) => !/^\d+$/.test(k)) : [];
      throw new TemplateFieldError(place, path, available);
    }
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}
