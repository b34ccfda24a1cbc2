import { loadConfig } from '../../../bot/config';
import { checkInMoments, DEFAULT_CHECK_IN_MONTHS, nextCheckInAfter } from '../../../bot/domain/aftercare/checkIns';
import { ConfigurationError } from '../../../bot/domain/errors';

describe('aftercare check-in moments', () => {
  it('when a case closes on 31 January, then a month later is the last day of February, and the others keep the day', () => {
    expect(checkInMoments(new Date('2027-01-31T10:00:00Z'), DEFAULT_CHECK_IN_MONTHS)).toEqual([
      '2027-02-28T10:00:00.000Z',
      '2027-04-30T10:00:00.000Z',
      '2027-07-31T10:00:00.000Z',
      '2028-01-31T10:00:00.000Z',
    ]);
  });

  it('when months are given twice or out of order, then each moment comes once, in order', () => {
    expect(checkInMoments(new Date('2026-11-30T09:00:00Z'), [6, 1, 6])).toEqual(['2026-12-30T09:00:00.000Z', '2027-05-30T09:00:00.000Z']);
  });

  it('when the timer missed moments, then the next is the first still to come', () => {
    const moments = checkInMoments(new Date('2026-01-15T09:00:00Z'), DEFAULT_CHECK_IN_MONTHS);
    expect(nextCheckInAfter(moments, new Date('2026-08-01T00:00:00Z'))).toBe('2027-01-15T09:00:00.000Z');
    expect(nextCheckInAfter(moments, new Date('2027-02-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('CHECK_IN_MONTHS', () => {
  it('when it is not set, then the check-ins come at 1, 3, 6 and 12 months', () => {
    expect(loadConfig({}).checkInMonths).toEqual([1, 3, 6, 12]);
  });

  it('when it lists months, then those are used; "none" switches check-ins off', () => {
    expect(loadConfig({ CHECK_IN_MONTHS: '2, 4,24' }).checkInMonths).toEqual([2, 4, 24]);
    expect(loadConfig({ CHECK_IN_MONTHS: 'none' }).checkInMonths).toEqual([]);
  });

  it.each(['0', '1,37', 'monthly', '1;3', '-1', '1,2,3,4,5,6,7,8,9,10,11,12,13'])('when it is %s, then start-up is refused naming the setting', (value) => {
    expect(() => loadConfig({ CHECK_IN_MONTHS: value })).toThrow(ConfigurationError);
    expect(() => loadConfig({ CHECK_IN_MONTHS: value })).toThrow(/CHECK_IN_MONTHS/);
  });

  it('when the last check-in falls after the closed case is purged, then start-up is refused', () => {
    expect(() => loadConfig({ CHECK_IN_MONTHS: '1,14', CASE_RETENTION_DAYS: '400' })).toThrow(/CHECK_IN_MONTHS: the last check-in \(14 months\) falls after CASE_RETENTION_DAYS/);
    expect(loadConfig({ CHECK_IN_MONTHS: '1,12', CASE_RETENTION_DAYS: '400' }).checkInMonths).toEqual([1, 12]);
    // The shortest retention allowed still takes the default check-ins.
    expect(loadConfig({ CASE_RETENTION_DAYS: '365' }).checkInMonths).toEqual([1, 3, 6, 12]);
  });
});
