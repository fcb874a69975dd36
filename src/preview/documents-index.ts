import { readdirSync } from 'node:fs';
import { extname } from 'node:path';

/** More documents than this in one folder is not a preview: the rest are left off the list. */
const MAX_LISTED = 500;

/**
 * The documents of a build's output folder, as the preview lists them: its HTML pages and
 * PDFs (not the contents page itself, which is the answer to / when there is one), by name.
 */
export function builtDocuments(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && ['.html', '.pdf'].includes(extname(entry.name)) && entry.name !== 'index.html')
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  return names.sort((a, b) => a.localeCompare(b, 'en-GB')).slice(0, MAX_LISTED);
}

/** The preview's answer to / for a folder without a contents page (a plan, or a folder of plans): a list of its documents. */
export function documentsIndexHtml(names: string[]): string {
  const items = names.map((name) => `<li><a href="${encodeURIComponent(name)}">${escapeText(name)}</a></li>`).join('\n');
  const body = names.length > 0 ? `<ul>\n${items}\n</ul>` : '<p>No documents yet: the plans have problems, shown below when there are.</p>';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>mapc preview</title>
</head>
<body>
<main>
<h1>Documents built by this preview</h1>
${body}
</main>
</body>
</html>
`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
