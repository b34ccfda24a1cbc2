import { resolveSchedule, ScheduleError } from '../../local/resolveSchedule';

describe('resolveSchedule', () => {
  it('when the schedule is six-field NCRONTAB, then it is returned with single spaces', () => {
    expect(resolveSchedule('t', ' 0  0 9 * * 1-5 ', {})).toBe('0 0 9 * * 1-5');
  });

  it('when the schedule is a %SETTING%, then the setting is substituted', () => {
    expect(resolveSchedule('t', '%PURGE_SCHEDULE%', { PURGE_SCHEDULE: '0 15 2 * * *' })).toBe('0 15 2 * * *');
  });

  it('when settings are unset or blank, then the error names the function and each setting once', () => {
    const resolve = () => resolveSchedule('purge', '%A% %B% %A%', { B: ' ' });

    expect(resolve).toThrow(ScheduleError);
    expect(resolve).toThrow('Timer function "purge": its schedule "%A% %B% %A%" needs the setting(s) A, B');
  });

  it.each([
    ['0 9 * * *', /has 5 fields; NCRONTAB needs six/],
    ['0 0 0 9 * * 2030', /has 7 fields/],
    ['00:05:00', /TimeSpan schedule "00:05:00"/],
  ])('when the schedule is %s, then it is refused', (schedule, message) => {
    expect(() => resolveSchedule('t', schedule, {})).toThrow(message);
  });
});
