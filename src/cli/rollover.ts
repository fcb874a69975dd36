import { ToolError, type Io } from './io.js';

export interface RolloverOptions {
  period: string;
  out?: string;
}

export async function rolloverCommand(_plan: string, _options: RolloverOptions, _io: Io): Promise<number> {
  throw new ToolError('mapc rollover is not available yet.');
}
