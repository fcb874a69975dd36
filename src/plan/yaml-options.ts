import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

/** How plan files are read: YAML 1.2's core schema (so dates stay strings), duplicate keys an error. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
};
