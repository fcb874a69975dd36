import { ToolError, type Io } from './io.js';

export interface InitOptions {
  kind?: string;
  authority?: string;
  period?: string;
}

export async function initCommand(_file: string | undefined, _options: InitOptions, _io: Io): Promise<number> {
  throw new ToolError('mapc init is not available yet.');
}
