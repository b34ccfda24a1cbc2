import { DateTime } from 'luxon';
import { MAX_LEAD_WORKING_DAYS, MEETING_INTERVALS, WEEKDAYS, type MeetingInterval, type TeamSettings, type Weekday } from '../../domain/agenda/teamSettings';
import { ValidationError } from '../../domain/errors';
import { LOCALES, type Locale } from '../../domain/locale';
import { ZONE } from '../../domain/workingCalendar';
import { readFields } from '../shared/readFields';

/** What the settings card sends (input ids of cards/teamSettings.card.json). */
export type TeamSettingsInput = Readonly<Record<string, unknown>>;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function weekdays(value: unknown): Weekday[] {
  const parts = text(value).split(',').map((part) => part.trim()).filter(Boolean);
  const days = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (days.length === 0 || parts.length > 7 || days.some((day) => !(WEEKDAYS as readonly number[]).includes(day))) throw new ValidationError({ weekdays: 'pickWeekday' });
  return days as Weekday[];
}

function time(value: unknown): string {
  // Input.Time sends HH:mm; some clients add seconds.
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(text(value));
  if (!match) throw new ValidationError({ time: 'invalidTime' });
  return `${match[1]}:${match[2]}`;
}

function interval(value: unknown): MeetingInterval {
  const number = Number(text(value));
  if (!(MEETING_INTERVALS as readonly number[]).includes(number)) throw new ValidationError({ everyWeeks: 'invalidChoice' });
  return number as MeetingInterval;
}

function lead(value: unknown): number {
  const raw = text(value);
  if (!/^\d$/.test(raw) || Number(raw) > MAX_LEAD_WORKING_DAYS) throw new ValidationError({ leadWorkingDays: 'invalidChoice' });
  return Number(raw);
}

function language(value: unknown): Locale {
  const raw = text(value);
  if (!(LOCALES as readonly string[]).includes(raw)) throw new ValidationError({ language: 'invalidChoice' });
  return raw as Locale;
}

/**
 * Reads the settings card's inputs, reporting every invalid field at once (keys under
 * `validation.`). `knownUnit` says whether a unit id exists in the directory; `allowedUnit`
 * whether this user may give the team that unit (`unitNotAllowed` otherwise).
 */
export async function readTeamSettingsInput(
  input: TeamSettingsInput,
  knownUnit: (unitId: string) => Promise<boolean>,
  now: Date,
  previous?: TeamSettings,
  allowedUnit: (unitId: string) => Promise<boolean> = async () => true,
): Promise<TeamSettings> {
  const unitId = text(input.unitId).slice(0, 200);
  const unitKnown = unitId !== '' && (await knownUnit(unitId));
  const unitAllowed = unitKnown && (await allowedUnit(unitId));
  const values = readFields({
    weekdays: () => weekdays(input.weekdays),
    time: () => time(input.time),
    everyWeeks: () => interval(input.everyWeeks),
    leadWorkingDays: () => lead(input.leadWorkingDays),
    locale: () => language(input.language),
    unitId: () => {
      if (!unitKnown) throw new ValidationError({ unitId: 'unknownUnit' });
      if (!unitAllowed) throw new ValidationError({ unitId: 'unitNotAllowed' });
      return unitId;
    },
  });
  const thisMonday = DateTime.fromJSDate(now, { zone: ZONE }).startOf('week').toISODate() ?? now.toISOString().slice(0, 10);
  return {
    ...values,
    // A changed interval counts from this week; otherwise the cycle stays where it was.
    anchorDate: previous && previous.everyWeeks === values.everyWeeks ? previous.anchorDate : thisMonday,
    paused: text(input.paused) === 'true',
  };
}
