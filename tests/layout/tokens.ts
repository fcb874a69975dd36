/**
 * Text as comparable tokens, the same for the HTML's text and the PDF's: compatibility
 * forms folded (ligatures, the no-break hyphen U+2011), curly quotes made straight, split at
 * white space and after a hyphen (a line may break there: "2001-" then "02").
 */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=-)(?=.)/))
    .filter((token) => token !== '');
}
