import { describe, expect, it } from 'vitest';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';
import { planFile, planFrom, renderAll } from '../helpers/render-plan.js';

/** The PDF keywords of each document of a plan, by document name. */
function keywordsOf(plan: ReturnType<typeof planFile>): Record<string, string[]> {
  return Object.fromEntries(renderAll(plan).map((d) => [d.name, d.keywords]));
}

describe('the PDF keywords of a document come from its plan', () => {
  it('each example plan: a MAP names its framework; a strategy part that refers to none names none', () => {
    expect(keywordsOf(planFile('plans/isle-of-wight-qp-map-2002-03.yaml'))).toEqual({
      map: ['Management Action Plan', 'Quality Protects', '2002-03', 'Isle of Wight Council', 'Social Services and Housing'],
      report: ['Committee report', 'Quality Protects', '2002-03', 'Isle of Wight Council', 'Social Services and Housing'],
    });
    expect(keywordsOf(planFile('plans/isle-of-wight-qp-map-2003-04.yaml')).map).toContain('Quality Protects');
    for (const path of ['plans/devon-children-and-families-2004-05.yaml', 'plans/devon-part-3-3-example.yaml']) {
      expect(keywordsOf(planFile(path))).toEqual({ strategy: ['Strategic plan', '2004-05', 'Devon County Council', 'Social Services'] });
    }
  });

  it('a strategy part names the framework it states, or whose codes its objectives use', () => {
    const stated = planFrom(MINIMAL_PLAN.replace('kind: strategy', 'kind: strategy\nframework: every-child-matters'));
    expect(keywordsOf(stated).strategy).toEqual(['Strategic plan', 'Every Child Matters', '2002-03', 'Test Council']);
    const coded = planFrom(`${MINIMAL_PLAN}    national: [QP2]\n`);
    expect(keywordsOf(coded).strategy).toEqual(['Strategic plan', 'Quality Protects', '2002-03', 'Test Council']);
  });
});
