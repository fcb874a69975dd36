// Chromium's element ids in a PDF, renumbered per document (src/pdf/element-ids.ts).
import { describe, expect, it } from 'vitest';
import { renumberElementIds } from '../../src/pdf/element-ids.js';

/** The objects of a tagged PDF that name elements: two cells with ids, a header reference, and the IDTree. */
function tagged(first: string, second: string, tree: string): string {
  return [
    `10 0 obj\n<</Type /StructElem /S /TH /ID (${first})>>\nendobj`,
    `11 0 obj\n<</Type /StructElem /S /TH /ID (${second})>>\nendobj`,
    `12 0 obj\n<</Type /StructElem /S /TD /A <</O /Table /Headers [(${first}) (${second})]>>>>\nendobj`,
    `13 0 obj\n${tree}\nendobj\n`,
  ].join('\n');
}
const renumbered = (pdf: string) => Buffer.from(renumberElementIds(Buffer.from(pdf, 'latin1'))).toString('latin1');

describe('element ids', () => {
  it('are numbered from 1 in order of appearance, references included, at the same length', () => {
    const pdf = tagged('node00000443', 'node00000444', '<</Limits [(node00000443) (node00000444)]\n/Names [(node00000443) 10 0 R (node00000444) 11 0 R]>>');
    expect(renumbered(pdf)).toBe(tagged('node00000001', 'node00000002', '<</Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 10 0 R (node00000002) 11 0 R]>>'));
  });

  it('leave the IDTree sorted by the new names, whatever order the old ones gave it', () => {
    // As Chromium wrote a part printed after another plan: the first cell's old number sorts after the second's.
    const pdf = tagged('node00001000', 'node00000999', '<</Limits [(node00000999) (node00001000)]\n/Names [(node00000999) 11 0 R (node00001000) 10 0 R]>>');
    const result = renumbered(pdf);
    expect(result).toBe(tagged('node00000001', 'node00000002', '<</Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 10 0 R (node00000002) 11 0 R]>>'));
    expect(result.length).toBe(pdf.length);
  });

  it('keep a tree written without spaces the same length', () => {
    const pdf = tagged('node00000009', 'node00000008', '<</Limits[(node00000008)(node00000009)]/Names[(node00000008)11 0 R(node00000009)10 0 R]>>');
    const result = renumbered(pdf);
    expect(result.length).toBe(pdf.length);
    expect(result).toContain('/Names[(node00000001)10 0 R(node00000002)11 0 R]');
    expect(result).toContain('/Limits[(node00000001)(node00000002)]');
  });
});
