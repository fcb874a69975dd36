/**
 * A plan's id or title with its period moved on: "iow-qp-map-2002-03" to
 * "iow-qp-map-2003-04", "Management Action Plan 2002-2003" to "… 2003-2004". A financial
 * year is written many ways (2002-03, 2002/03, 2002-2003, 2002/2003); each is replaced in
 * the way it was written. Undefined when the text does not name the period.
 */
export function renamePeriod(text: string, from: string, to: string): string | undefined {
  const before = /^(\d{4})-(\d{2})$/.exec(from);
  const after = /^(\d{4})-(\d{2})$/.exec(to);
  let renamed = text;
  if (before && after) {
    const [start, next] = [Number(before[1]), Number(before[1]) + 1];
    const [newStart, newNext] = [Number(after[1]), Number(after[1]) + 1];
    renamed = text
      .replace(new RegExp(`(?<!\\d)${start}([-/])${next}(?!\\d)`, 'g'), `${newStart}$1${newNext}`)
      .replace(new RegExp(`(?<!\\d)${start}([-/])${pad(next % 100)}(?!\\d)`, 'g'), `${newStart}$1${pad(newNext % 100)}`);
  } else {
    renamed = text.split(from).join(to);
  }
  return renamed === text ? undefined : renamed;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
