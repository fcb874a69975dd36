import { describe, expect, it } from 'vitest';
import { isCalendarDate, readDue, readPeriod } from '../../src/plan/period.js';

describe('periods and dates', () => {
  it('reads a financial year as April to March', () => {
    expect(readPeriod('2002-03')).toEqual({ ok: true, range: { start: '2002-04-01', end: '2003-03-31' } });
    expect(readPeriod('1999-00')).toEqual({ ok: true, range: { start: '1999-04-01', end: '2000-03-31' } });
    expect(readPeriod('2002-04').ok).toBe(false);
  });

  it('reads spans and single years as calendar years', () => {
    expect(readPeriod('2001-2004')).toEqual({ ok: true, range: { start: '2001-01-01', end: '2004-12-31' } });
    expect(readPeriod(2008)).toEqual({ ok: true, range: { start: '2008-01-01', end: '2008-12-31' } });
    expect(readPeriod('2004-2001').ok).toBe(false);
  });

  it('reads a due month as the whole month, leap years included', () => {
    expect(readDue('2004-02')).toEqual({ ok: true, range: { start: '2004-02-01', end: '2004-02-29' } });
    expect(readDue('2003-03-31')).toEqual({ ok: true, range: { start: '2003-03-31', end: '2003-03-31' } });
  });

  it('knows which days exist', () => {
    expect(isCalendarDate('2004-02-29')).toBe(true);
    expect(isCalendarDate('2003-02-29')).toBe(false);
    expect(isCalendarDate('2003-04-31')).toBe(false);
  });
});
