import { formatGithub } from '../problems/format-github.js';
import { formatJson } from '../problems/format-json.js';
import { formatText } from '../problems/format-text.js';
import type { FileReport } from '../problems/problem.js';
import { wantsColor, type Io } from '../build/io.js';

export type ProblemFormat = 'text' | 'json' | 'github';

export function formatProblems(reports: readonly FileReport[], format: ProblemFormat, io: Io): string {
  if (format === 'json') return formatJson(reports);
  if (format === 'github') return formatGithub(reports);
  return formatText(reports, { color: wantsColor(io) });
}
