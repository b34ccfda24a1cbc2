import { quarterWindows } from '../../../bot/domain/agenda/quarterWindows';
import { amsterdamInstant, amsterdamWallTime } from '../deadlines/amsterdamTime';

const wall = (instant: Date) => amsterdamWallTime(instant.toISOString()).slice(0, 16);

describe('quarterWindows', () => {
  it.each<[string, string, string, string]>([
    ['now is in January, then both windows reach back over the year boundary', '2027-01-15 10:00', '2026-10-15 10:00', '2026-07-15 10:00'],
    ['now is in summer time and three months back was winter time, then the wall time stays 09:00', '2026-04-10 09:00', '2026-01-10 09:00', '2025-10-10 09:00'],
    ['now is 31 May, then the start clamps to the end of February and the previous window starts on 30 November', '2026-05-31 12:00', '2026-02-28 12:00', '2025-11-30 12:00'],
  ])('when %s', (_case, nowLocal, currentFrom, previousFrom) => {
    const now = amsterdamInstant(nowLocal);
    const { current, previous } = quarterWindows(now);
    expect({ current: [wall(current.from), wall(current.to)], previous: [wall(previous.from), wall(previous.to)] }).toEqual({
      current: [currentFrom, nowLocal],
      previous: [previousFrom, currentFrom],
    });
    expect(previous.to).toEqual(current.from);
    expect(current.to).toEqual(now);
  });

  it('when the windows cross the change of the clocks, then the UTC instants differ by an hour from plain 24-hour arithmetic', () => {
    const { current } = quarterWindows(new Date('2027-01-15T09:00:00Z'));
    expect(current.from.toISOString()).toBe('2026-10-15T08:00:00.000Z');
  });
});
