import { DateTime } from 'luxon';
import { adjacentWorkingDay } from '../deadlines/adjacentWorkingDay';
import { ZONE, type WorkingCalendar } from '../workingCalendar';
import type { TeamSettings } from './teamSettings';

/** One meeting (werkoverleg) and the moment its topic card is posted. */
export interface PlannedPosting {
  meetingAt: Date;
  postAt: Date;
}

/** How far ahead to look: beyond a year, settings that never produce a meeting give up instead of looping. */
const SEARCH_DAYS = 60 * 7;

/**
 * The next meeting to post a topic for, and when to post it. Undefined when paused, or when no
 * meeting falls within about 60 weeks (settings that never match, or a `time` that is not `HH:mm`).
 *
 * Meetings are on `settings.weekdays` at `settings.time` (Europe/Amsterdam; Luxon keeps 09:00
 * local across daylight saving), in the ISO weeks where the number of weeks since the week of
 * `anchorDate` is a multiple of `everyWeeks` (floor modulo, so weeks before the anchor follow the
 * same rhythm). A meeting on a Dutch public holiday does not take place and is skipped.
 *
 * `postAt` is the meeting's time of day on the working day `leadWorkingDays` working days before
 * the meeting date (lead 1 on a Monday meeting: the Friday before, or the Thursday when that Friday
 * is a holiday); lead 0 is one hour before the meeting.
 *
 * The meeting chosen is the earliest with `meetingAt` after both `now` and `afterMeeting` (the
 * last meeting already posted for). `postAt` is never before `now`: settings saved after the
 * planned moment still post for that meeting, right away.
 */
export function nextPosting(settings: TeamSettings, at: { now: Date; afterMeeting?: Date }, calendar: WorkingCalendar): PlannedPosting | undefined {
  if (settings.paused) return undefined;
  const time = parseTime(settings.time);
  if (!time) return undefined;
  const after = Math.max(at.now.getTime(), at.afterMeeting?.getTime() ?? Number.NEGATIVE_INFINITY);
  const anchorMonday = DateTime.fromISO(settings.anchorDate, { zone: 'utc' }).startOf('week');
  if (!anchorMonday.isValid) return undefined;

  // Dates are walked as plain dates in UTC (no time of day, so DST cannot shift them); only the
  // meeting instant itself is placed in Amsterdam.
  const firstDay = DateTime.fromISO(calendar.dateOf(new Date(after)), { zone: 'utc' });
  for (let offset = 0; offset <= SEARCH_DAYS; offset += 1) {
    const day = firstDay.plus({ days: offset });
    const isoDate = day.toISODate() as string;
    if (!settings.weekdays.includes(day.weekday as TeamSettings['weekdays'][number])) continue;
    if (!inMeetingWeek(day, anchorMonday, settings.everyWeeks)) continue;
    if (calendar.isHoliday(isoDate)) continue;
    const meetingAt = atAmsterdamTime(isoDate, time);
    if (meetingAt.getTime() <= after) continue;
    const plannedPostAt = plannedPostMoment(isoDate, meetingAt, time, settings.leadWorkingDays, calendar);
    return { meetingAt, postAt: new Date(Math.max(plannedPostAt.getTime(), at.now.getTime())) };
  }
  return undefined;
}

interface TimeOfDay {
  hour: number;
  minute: number;
}

function parseTime(value: string): TimeOfDay | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

function inMeetingWeek(day: DateTime, anchorMonday: DateTime, everyWeeks: number): boolean {
  const weeks = Math.round(day.startOf('week').diff(anchorMonday, 'weeks').weeks);
  return ((weeks % everyWeeks) + everyWeeks) % everyWeeks === 0;
}

function atAmsterdamTime(isoDate: string, time: TimeOfDay): Date {
  return DateTime.fromISO(isoDate, { zone: ZONE }).set({ hour: time.hour, minute: time.minute }).toJSDate();
}

function plannedPostMoment(meetingDate: string, meetingAt: Date, time: TimeOfDay, leadWorkingDays: number, calendar: WorkingCalendar): Date {
  if (leadWorkingDays <= 0) return new Date(meetingAt.getTime() - 60 * 60 * 1000);
  let postDate = meetingDate;
  for (let counted = 0; counted < leadWorkingDays; counted += 1) postDate = adjacentWorkingDay(postDate, 'before', calendar);
  return atAmsterdamTime(postDate, time);
}
