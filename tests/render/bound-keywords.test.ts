import { describe, expect, it } from 'vitest';
import { boundKeywords } from '../../src/build/bound-keywords.js';
import { planFile } from '../helpers/render-plan.js';

describe('the keywords of a bound PDF come from its parts', () => {
  it('Devon\'s strategic plan: strategy parts that name no framework', () => {
    const parts = ['plans/devon-children-and-families-2004-05.yaml', 'plans/devon-part-3-3-example.yaml'].map((path) => ({ plan: planFile(path), document: 'strategy' }));
    expect(boundKeywords('Devon County Council', parts)).toEqual(['Strategic plan', 'Devon County Council', '2004-05']);
  });

  it('a project of two MAPs: Management Action Plans about Quality Protects, not a strategic plan', () => {
    const parts = ['plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/isle-of-wight-qp-map-2003-04.yaml'].map((path) => ({ plan: planFile(path), document: 'map' }));
    expect(boundKeywords('Isle of Wight Council', parts)).toEqual(['Management Action Plan', 'Quality Protects', 'Isle of Wight Council', '2002-03', '2003-04']);
  });
});
