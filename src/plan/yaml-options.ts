import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

/**
 * How plan files are read: YAML 1.2's core schema (so dates stay strings). Duplicate keys are
 * an error, but not found by the yaml package (its check takes time in the square of a
 * mapping's keys): parse-yaml.ts adds them, from duplicate-keys.ts.
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  prettyErrors: false,
};
