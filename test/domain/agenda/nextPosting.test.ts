import { nextPosting } from '../../../bot/domain/agenda/nextPosting';
import { defaultTeamSettings, type TeamSettings } from '../../../bot/domain/agenda/teamSettings';
import { WorkingCalendar } from '../../../bot/domain/workingCalendar';
import { amsterdamInstant, amsterdamWallTime } from '../deadlines/amsterdamTime';

const calendar = new WorkingCalendar({ liberationDayOff: true });

/** Weekly on Monday 09:00, posted one working day ahead, counted from Monday 5 January 2026. */
const settings = (overrides: Partial<TeamSettings> = {}): TeamSettings => ({ ...defaultTeamSettings('unit-a', 'nl', '2026-01-05'), ...overrides });

const wall = (instant: Date) => amsterdamWallTime(instant.toISOString()).slice(0, 16);

function planned(overrides: Partial<TeamSettings>, nowLocal: string, afterMeetingLocal?: string, withCalendar = calendar): { meeting: string; post: string } | undefined {
  const afterMeeting = afterMeetingLocal === undefined ? undefined : amsterdamInstant(afterMeetingLocal);
  const posting = nextPosting(settings(overrides), { now: amsterdamInstant(nowLocal), afterMeeting }, withCalendar);
  return posting && { meeting: wall(posting.meetingAt), post: wall(posting.postAt) };
}

describe('nextPosting', () => {
  it.each<[string, Partial<TeamSettings>, string, string, string]>([
    ['weekly on Monday 09:00 with lead 1, then it posts on the Friday before at 09:00', {}, '2026-06-10 12:00', '2026-06-15 09:00', '2026-06-12 09:00'],
    ['the Friday before is Christmas, then it posts on the Thursday', {}, '2026-12-21 12:00', '2026-12-28 09:00', '2026-12-24 09:00'],
    ['the Friday before is New Year’s Day, then it posts on New Year’s Eve', {}, '2026-12-28 10:00', '2027-01-04 09:00', '2026-12-31 09:00'],
    ['the Monday is Easter Monday, then that meeting is skipped for the next week', {}, '2026-04-01 12:00', '2026-04-13 09:00', '2026-04-10 09:00'],
    ['the Monday is Koningsdag, then that meeting is skipped and the next posts on Friday 1 May', {}, '2026-04-21 12:00', '2026-05-04 09:00', '2026-05-01 09:00'],
    ['the Monday is Whit Monday, then that meeting is skipped', {}, '2026-05-20 12:00', '2026-06-01 09:00', '2026-05-29 09:00'],
    ['the lead is 2 working days, then it posts on the Thursday before', { leadWorkingDays: 2 }, '2026-06-10 12:00', '2026-06-15 09:00', '2026-06-11 09:00'],
    ['the lead is 2 working days over Ascension Day, then the holiday is not counted', { leadWorkingDays: 2 }, '2026-05-11 12:00', '2026-05-18 09:00', '2026-05-13 09:00'],
    ['the lead is 0, then it posts an hour before the meeting', { leadWorkingDays: 0 }, '2026-06-10 12:00', '2026-06-15 09:00', '2026-06-15 08:00'],
    ['every 2 weeks from the anchor week, then the week after the anchor is skipped', { everyWeeks: 2 }, '2026-01-06 12:00', '2026-01-19 09:00', '2026-01-16 09:00'],
    ['every 2 weeks with the anchor 7 weeks ahead, then the rhythm counts back from it', { everyWeeks: 2, anchorDate: '2026-03-02' }, '2026-01-06 12:00', '2026-01-19 09:00', '2026-01-16 09:00'],
    ['every 2 weeks with the anchor 8 weeks ahead, then the rhythm counts back from it', { everyWeeks: 2, anchorDate: '2026-03-09' }, '2026-01-06 12:00', '2026-01-12 09:00', '2026-01-09 09:00'],
    ['every 4 weeks from the anchor week, then the next meeting is four weeks on', { everyWeeks: 4 }, '2026-01-06 12:00', '2026-02-02 09:00', '2026-01-30 09:00'],
    ['every 4 weeks with the anchor in the future, then weeks before it follow the same rhythm', { everyWeeks: 4, anchorDate: '2026-03-02' }, '2026-01-06 12:00', '2026-02-02 09:00', '2026-01-30 09:00'],
    ['meetings on Monday and Thursday and Monday’s has begun, then the next is Thursday', { weekdays: [1, 4], time: '14:30' }, '2026-06-15 15:00', '2026-06-18 14:30', '2026-06-17 14:30'],
    ['meetings on Monday and Thursday and Thursday’s has begun, then the next is Monday', { weekdays: [1, 4], time: '14:30' }, '2026-06-18 15:00', '2026-06-22 14:30', '2026-06-19 14:30'],
    ['the meeting is on Monday after the switch to summer time, then it stays 09:00 local and so does the post', {}, '2026-03-25 12:00', '2026-03-30 09:00', '2026-03-27 09:00'],
    ['the meeting is on Monday after the switch to winter time, then it stays 09:00 local and so does the post', {}, '2026-10-21 12:00', '2026-10-26 09:00', '2026-10-23 09:00'],
    ['now is after the planned post moment but before the meeting, then it posts right away', {}, '2026-06-12 15:00', '2026-06-15 09:00', '2026-06-12 15:00'],
    ['now is a minute before the meeting, then it still posts for that meeting right away', {}, '2026-06-15 08:59', '2026-06-15 09:00', '2026-06-15 08:59'],
    ['now is the meeting’s start, then the next week’s meeting is planned', {}, '2026-06-15 09:00', '2026-06-22 09:00', '2026-06-19 09:00'],
  ])('when %s', (_case, overrides, nowLocal, meeting, post) => {
    expect(planned(overrides, nowLocal)).toEqual({ meeting, post });
  });

  it('when the clocks change, then the instants shift by an hour in UTC', () => {
    const spring = nextPosting(settings(), { now: amsterdamInstant('2026-03-25 12:00') }, calendar);
    expect(spring?.postAt.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(spring?.meetingAt.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    const autumn = nextPosting(settings(), { now: amsterdamInstant('2026-10-21 12:00') }, calendar);
    expect(autumn?.postAt.toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(autumn?.meetingAt.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it.each<[string, boolean, string]>([
    ['Bevrijdingsdag is a day off, then the Tuesday 5 May meeting is skipped', true, '2026-05-12 09:00'],
    ['Bevrijdingsdag is a working day, then the Tuesday 5 May meeting takes place', false, '2026-05-05 09:00'],
  ])('when %s', (_case, liberationDayOff, meeting) => {
    expect(planned({ weekdays: [2] }, '2026-04-29 12:00', undefined, new WorkingCalendar({ liberationDayOff }))?.meeting).toBe(meeting);
  });

  it('when the last meeting posted for is given, then the one after it is planned', () => {
    expect(planned({}, '2026-06-10 12:00', '2026-06-15 09:00')).toEqual({ meeting: '2026-06-22 09:00', post: '2026-06-19 09:00' });
  });

  it('when the last meeting posted for lies in the past, then it does not hold back the next one', () => {
    expect(planned({}, '2026-06-10 12:00', '2026-06-08 09:00')).toEqual({ meeting: '2026-06-15 09:00', post: '2026-06-12 09:00' });
  });

  it.each<[string, Partial<TeamSettings>]>([
    ['the team paused its postings', { paused: true }],
    ['no weekday is set, so no meeting ever matches', { weekdays: [] }],
    ['the time is not HH:mm', { time: '9 uur' }],
  ])('when %s, then nothing is planned', (_case, overrides) => {
    expect(planned(overrides, '2026-06-10 12:00')).toBeUndefined();
  });
});
