import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../src/plan/frameworks.js';

describe('national frameworks', () => {
  it('has Quality Protects QP1-QP11 and Every Child Matters ECM1-ECM5, in order', () => {
    expect(FRAMEWORKS['quality-protects'].objectives.map((o) => o.code)).toEqual(Array.from({ length: 11 }, (_, i) => `QP${i + 1}`));
    expect(FRAMEWORKS['every-child-matters'].objectives.map((o) => o.wording)).toEqual([
      'Be healthy',
      'Stay safe',
      'Enjoy and achieve',
      'Make a positive contribution',
      'Achieve economic well-being',
    ]);
  });

  it('words QP1 as Appendix A of the Isle of Wight paper does', () => {
    expect(FRAMEWORKS['quality-protects'].objectives[0]!.wording).toBe(
      'To ensure that children are securely attached to carers capable of providing safe and effective care for the duration of childhood.',
    );
  });
});
