/**
 * A team's meeting rhythm (werkoverleg), as set on the settings card by an owner or the unit's
 * coordinator.
 */
import type { Locale } from '../locale';

/** Weekdays as ISO numbers: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Every week, every two weeks, every four weeks. */
export const MEETING_INTERVALS = [1, 2, 4] as const;
export type MeetingInterval = (typeof MEETING_INTERVALS)[number];

/** At most this many working days ahead of the meeting. */
export const MAX_LEAD_WORKING_DAYS = 5;

export interface TeamSettings {
  /** Meeting days, ascending, at least one. */
  weekdays: Weekday[];
  /** Meeting start, `HH:mm`, Europe/Amsterdam. */
  time: string;
  /** Every 1, 2 or 4 weeks. With 2 or 4 the cycle counts from `anchorDate`'s ISO week. */
  everyWeeks: MeetingInterval;
  /** The Monday (YYYY-MM-DD) of the week the rhythm counts from (the week the settings were saved). */
  anchorDate: string;
  /** How many working days before the meeting the topic is posted, at the meeting's time of day (0 = on the day, an hour before the meeting). Default 1. */
  leadWorkingDays: number;
  /** The language of the topic cards. */
  locale: Locale;
  /** The unit (eenheid) the team belongs to: its coordinator may change settings, its own topics are mixed in. */
  unitId: string;
  /** No postings while paused. */
  paused: boolean;
}

/** The defaults of a fresh install: Monday 09:00, weekly, posted one working day ahead. */
export function defaultTeamSettings(unitId: string, locale: Locale, anchorDate: string): TeamSettings {
  return { weekdays: [1], time: '09:00', everyWeeks: 1, anchorDate, leadWorkingDays: 1, locale, unitId, paused: false };
}
