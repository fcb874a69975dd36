import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { dateInFormat } from '../../src/plan/date-shapes.js';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';

describe('a date written in another common shape', () => {
  it.each([
    ['31/03/2005', '2005-03-31'],
    ['1.4.2005', '2005-04-01'],
    ['31-03-2005', '2005-03-31'],
    ['31 March 2005', '2005-03-31'],
    ['31st Mar 2005', '2005-03-31'],
    ['March 31, 2005', '2005-03-31'],
    ['March 2005', '2005-03-31'],
    ['Feb 2004', '2004-02-29'],
    ['Sept 2003', '2003-09-30'],
  ])('%s is %s', (written, converted) => expect(dateInFormat(written, { monthWillDo: false })).toBe(converted));

  it.each(['30/02/2005', '2005', 'Marchx 2005', 'Ma 2005', 'the end of March'])('%s is no date', (written) => expect(dateInFormat(written, { monthWillDo: false })).toBeUndefined());

  it('keeps a month a month where one will do (an action is due in a month)', () => {
    expect(dateInFormat('March 2005', { monthWillDo: true })).toBe('2005-03');
  });

  it('is the suggestion for a date and a due date, at the value', () => {
    const source = MINIMAL_PLAN.replace('period: 2002-03', "period: 2002-03\ndates:\n  submitted: '31/03/2005'") + '    actions:\n      - text: Do it\n        due: 31 March 2005\n';
    const found = checkPlanSource(source).problems.map((p) => `${p.code} ${p.line}:${p.column} ${p.suggestion}`);
    expect(found).toEqual(['schema/bad-format 8:14 2005-03-31', 'schema/bad-format 14:14 2005-03-31']);
  });
});
