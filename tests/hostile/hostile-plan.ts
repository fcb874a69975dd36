/**
 * A plan with hostile text in every field a user writes free text into, made from the
 * schema rather than picked by hand: tests/fixtures/every-field.yaml sets every field of
 * the format (tests/render/every-field.test.ts checks that), and each of its values whose
 * schema is free text (a string with no pattern, enum or const: text, markdown, label) is
 * replaced by the text a test asks for. Ids, dates, periods, numbers and enums keep their
 * valid values, so the plan stays valid and every document is built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from '../helpers/run-mapc.js';

interface Schema {
  $ref?: string;
  type?: string | string[];
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8')) as Schema & { definitions: Record<string, Schema> };

function resolve(node: Schema): Schema {
  return node.$ref ? resolve(schema.definitions[node.$ref.replace('#/definitions/', '')]!) : node;
}

function isFreeText(node: Schema): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types.includes('string') && node.pattern === undefined && node.enum === undefined && node.const === undefined;
}

/** Every free-text path of the schema, as objectives.actions.lead (glossary entries as glossary.*). */
export function freeTextPaths(node: Schema = schema, path = ''): string[] {
  const resolved = resolve(node);
  if (resolved.anyOf) return [...new Set(resolved.anyOf.flatMap((branch) => freeTextPaths(branch, path)))];
  if (resolved.properties || typeof resolved.additionalProperties === 'object') {
    const named = Object.entries(resolved.properties ?? {}).flatMap(([key, child]) => freeTextPaths(child, path ? `${path}.${key}` : key));
    const any = typeof resolved.additionalProperties === 'object' ? freeTextPaths(resolved.additionalProperties, `${path}.*`) : [];
    return [...named, ...any];
  }
  if (resolved.items) return freeTextPaths(resolved.items, path);
  return isFreeText(resolved) ? [path] : [];
}

export interface HostileField {
  /** The field's number, for the text that marks it. */
  n: number;
  /** Its schema path, e.g. objectives.actions.lead. */
  path: string;
  /** Its JSON pointer in the plan, e.g. /objectives/0/actions/1/lead. */
  pointer: string;
  text: string;
}

/**
 * The every-field plan with `textFor(n, path)` in each free-text field. `extra` is merged
 * into the glossary (an abbreviation the hostile text uses, say).
 */
export function hostilePlan(textFor: (n: number, path: string) => string, glossary: Record<string, string> = {}): { yaml: string; fields: HostileField[] } {
  const data = parse(readFileSync(join(ROOT, 'tests/fixtures/every-field.yaml'), 'utf8'), { version: '1.2', schema: 'core' }) as Record<string, unknown>;
  data.glossary = { ...(data.glossary as Record<string, string>), ...glossary };
  const fields: HostileField[] = [];

  const visit = (node: Schema, value: unknown, path: string, pointer: string): unknown => {
    const resolved = resolve(node);
    if (resolved.anyOf) {
      const branch = resolved.anyOf.map(resolve).find((b) => (typeof value === 'object' && value !== null ? b.properties !== undefined : b.properties === undefined));
      return branch ? visit(branch, value, path, pointer) : value;
    }
    if (Array.isArray(value) && resolved.items) return value.map((item, i) => visit(resolved.items!, item, path, `${pointer}/${i}`));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => {
          const named = resolved.properties?.[key];
          if (named) return [key, visit(named, child, path ? `${path}.${key}` : key, `${pointer}/${key}`)];
          if (typeof resolved.additionalProperties === 'object') return [key, visit(resolved.additionalProperties, child, `${path}.*`, `${pointer}/${key}`)];
          return [key, child];
        }),
      );
    }
    if (isFreeText(resolved) && (typeof value === 'string' || typeof value === 'number')) {
      const n = fields.length;
      const text = textFor(n, path);
      fields.push({ n, path, pointer, text });
      return text;
    }
    return value;
  };

  const hostile = visit(schema, data, '', '');
  return { yaml: stringify(hostile, { version: '1.2', lineWidth: 0 }), fields };
}
