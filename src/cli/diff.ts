import { ToolError, type Io } from './io.js';

export type DiffFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'json';

export interface DiffOptions {
  format: DiffFormat;
  out?: string;
}

export async function diffCommand(_old: string, _new: string, _options: DiffOptions, _io: Io): Promise<number> {
  throw new ToolError('mapc diff is not available yet.');
}
