import { describe, expect, it } from 'vitest';
import { closeDirectionControls } from '../../src/plan/bidi.js';

describe('direction controls and right-to-left text', () => {
  it('leaves left-to-right text alone', () => {
    expect(closeDirectionControls('Placement moves 8% (2001-02)')).toBe('Placement moves 8% (2001-02)');
  });

  it('closes an override left open, and isolates the text', () => {
    expect(closeDirectionControls('cost \u202Eevil')).toBe('\u2068cost \u202Eevil\u202C\u2069');
    expect(closeDirectionControls('\u2067a\u202Bb')).toBe('\u2068\u2067a\u202Bb\u202C\u2069\u2069');
  });

  it('isolates right-to-left script that closes nothing', () => {
    expect(closeDirectionControls('שלום 2001')).toBe('\u2068שלום 2001\u2069');
    expect(closeDirectionControls('a \u202Eb\u202C c')).toBe('\u2068a \u202Eb\u202C c\u2069');
  });
});
