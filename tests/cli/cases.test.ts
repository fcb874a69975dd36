// Every command-line case (tests/cli/cases.ts), run in-process through run(argv, io).
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/mapc.js';
import { defineCases } from './cases.js';
import { fixtures } from './cases/fixtures.js';

describe('mapc, in-process', () => {
  defineCases(runInProcess);
});

describe('the broken plans the table checks', () => {
  it('are at least twenty, one per kind of mistake', () => {
    const broken = fixtures('broken');
    expect(broken.length).toBeGreaterThanOrEqual(20);
    expect(new Set(broken.map((f) => f.expected.split(' ')[0])).size).toBeGreaterThanOrEqual(18);
  });
});
