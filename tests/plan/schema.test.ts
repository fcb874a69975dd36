import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/mapc.js';

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
};

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8')) as Schema;

function resolve(node: Schema): Schema {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  return { ...schema.definitions![name]!, ...node };
}

/** Every object schema reachable from the root, with a path for messages. */
function objectSchemas(): [string, Schema][] {
  const out: [string, Schema][] = [];
  const seen = new Set<Schema>();
  const visit = (node: Schema, path: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    const resolved = resolve(node);
    if (resolved.properties) out.push([path, resolved]);
    for (const [key, child] of Object.entries(resolved.properties ?? {})) visit(child, `${path}.${key}`);
    if (resolved.items) visit(resolved.items, `${path}[]`);
    resolved.anyOf?.forEach((branch, i) => visit(branch, `${path}|${i}`));
  };
  visit(schema, 'plan');
  return out;
}

describe('schemas/plan.schema.json', () => {
  it('is draft-07, which yaml-language-server understands', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('gives every property a description, for editors to show on hover', () => {
    const bare: string[] = [];
    for (const [path, node] of objectSchemas()) {
      for (const [key, child] of Object.entries(node.properties!)) {
        if (!resolve(child).description) bare.push(`${path}.${key}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('refuses unknown keys everywhere, except x- extensions', () => {
    for (const [path, node] of objectSchemas()) {
      expect(node.additionalProperties, path).toBe(false);
      expect(Object.keys((node.patternProperties as object | undefined) ?? {}), path).toEqual(['^x-']);
    }
  });

  it('describes every top-level key of the format', () => {
    const keys = Object.keys(schema.properties!);
    expect(keys).toEqual([
      'mapc', 'id', 'kind', 'title', 'authority', 'service', 'period', 'reviewPeriod', 'status', 'dates', 'framework',
      'part', 'summary', 'emphases', 'keyActions', 'objectives', 'indicators', 'strategy', 'funding', 'glossary', 'report', 'labels',
    ]);
  });
});
