import { z } from 'zod';
import type { AgreedActionInput, TeamSettingsCommand, TopicDiscussedCommand } from '../../app/agenda/agendaCommands';
import { MAX_LEAD_WORKING_DAYS, MEETING_INTERVALS, WEEKDAYS, type MeetingInterval, type Weekday } from '../../domain/agenda/teamSettings';
import { ACTION_SLOTS, ACTION_TEXT_MAX_LENGTH, NOTES_MAX_LENGTH } from '../../domain/agenda/topicFormLimits';
import { LOCALES, type Locale } from '../../domain/locale';

/** A card input as text: strings trimmed, numbers and booleans (some clients send them) as written, anything else ''. */
const inputText = z.preprocess((value) => (typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''), z.string());

/** One of `options`, sent as its number; otherwise the field's message. */
function numberChoice<T extends number>(options: readonly T[], message: string) {
  return inputText.transform((raw, context): T => {
    const number = Number(raw);
    if (!/^\d{1,3}$/.test(raw) || !(options as readonly number[]).includes(number)) {
      context.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return number as T;
  });
}

/** Input.ChoiceSet (multi-select) sends "1,3": distinct days, ascending. */
const weekdays = inputText.transform((raw, context): Weekday[] => {
  const parts = raw.split(',').map((part) => part.trim()).filter(Boolean);
  const days = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (days.length === 0 || parts.length > WEEKDAYS.length || days.some((day) => !(WEEKDAYS as readonly number[]).includes(day))) {
    context.addIssue({ code: 'custom', message: 'pickWeekday' });
    return z.NEVER;
  }
  return days as Weekday[];
});

/** Input.Time sends HH:mm; some clients add seconds. */
const time = inputText.pipe(
  z
    .string()
    .regex(/^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/, { error: 'invalidTime' })
    .transform((value) => value.slice(0, 5)),
);

/** 0 (on the day) up to MAX_LEAD_WORKING_DAYS working days ahead. */
const LEAD_DAYS = Array.from({ length: MAX_LEAD_WORKING_DAYS + 1 }, (_, days) => days);

/**
 * The team settings card (input ids of cards/teamSettings.card.json) as saveTeamSettings takes it.
 * Every malformed field is reported at once (keys under `validation.`); whether the unit exists and
 * may be picked is the use case's question.
 */
export const teamSettingsForm: z.ZodType<TeamSettingsCommand> = z
  .object({
    weekdays,
    time,
    everyWeeks: numberChoice<MeetingInterval>(MEETING_INTERVALS, 'invalidChoice'),
    leadWorkingDays: numberChoice(LEAD_DAYS, 'invalidChoice'),
    language: inputText.pipe(z.enum(LOCALES as unknown as [Locale, ...Locale[]], { error: 'invalidChoice' })),
    unitId: inputText.transform((value) => value.slice(0, 200)),
    paused: inputText.transform((value) => value === 'true'),
  })
  .transform(({ language, ...settings }) => ({ ...settings, locale: language }));

/** An Entra object id (GUID); in local mode the emulator's ids (checked against the directory by the use case). */
const PERSON_ID = /^[A-Za-z0-9:_.@-]{1,200}$/;

const slotFields = Object.fromEntries(ACTION_SLOTS.flatMap((slot) => ['Text', 'Owner', 'Due'].map((part) => [`action${slot}${part}`, inputText]))) as Record<string, typeof inputText>;

/**
 * "Besproken" on the topic card: optional notes and up to three actions. A slot counts when any of
 * its fields is filled; then its text (within the limit), owner and due date are all needed. Every
 * problem is reported at once, by input id. Whether the owner is a known person and the date a real
 * one from today on is the use case's question.
 */
export const topicDiscussedForm: z.ZodType<TopicDiscussedCommand> = z
  .object({ notes: inputText, ...slotFields })
  .transform((input, context): TopicDiscussedCommand => {
    // Checked here rather than in the object, so that every problem comes back at once.
    if (input.notes.length > NOTES_MAX_LENGTH) context.addIssue({ code: 'custom', path: ['notes'], message: 'tooLong' });
    const actions: AgreedActionInput[] = [];
    const fields = input as Readonly<Record<string, string>>;
    for (const slot of ACTION_SLOTS) {
      const [text, ownerId, dueDate] = (['Text', 'Owner', 'Due'] as const).map((part) => fields[`action${slot}${part}`] ?? '');
      if (!text && !ownerId && !dueDate) continue;
      const problem = (part: 'Text' | 'Owner' | 'Due', message: string) => context.addIssue({ code: 'custom', path: [`action${slot}${part}`], message });
      if (!text) problem('Text', 'actionIncomplete');
      else if (text.length > ACTION_TEXT_MAX_LENGTH) problem('Text', 'tooLong');
      if (!ownerId) problem('Owner', 'actionIncomplete');
      else if (!PERSON_ID.test(ownerId)) problem('Owner', 'unknownPerson');
      if (!dueDate) problem('Due', 'actionIncomplete');
      actions.push({ slot, text, ownerId, dueDate });
    }
    return { notes: input.notes, actions };
  });

/** "Nieuwe datum" on an action task card: the date as typed (the use case checks it is a real one, today or later). */
export const actionNewDateForm = z.object({ newDate: inputText.pipe(z.string().min(1, { error: 'required' }).max(20, { error: 'invalidDate' })) });
