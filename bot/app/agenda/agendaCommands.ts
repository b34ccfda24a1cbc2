import type { MeetingInterval, Weekday } from '../../domain/agenda/teamSettings';
import type { Locale } from '../../domain/locale';

/** The settings card as saveTeamSettings takes it, parsed at the adapter (bot/teams/agenda/agendaForms.ts). */
export interface TeamSettingsCommand {
  /** Ascending, at least one. */
  weekdays: Weekday[];
  /** `HH:mm`. */
  time: string;
  everyWeeks: MeetingInterval;
  leadWorkingDays: number;
  locale: Locale;
  /** Checked here: known in the directory and one this user may give the team. */
  unitId: string;
  paused: boolean;
}

/** One agreed action as entered: complete, its text within the limit. */
export interface AgreedActionInput {
  slot: number;
  text: string;
  /** Checked here: a person in the directory. */
  ownerId: string;
  /** As typed; checked here: a real date (YYYY-MM-DD), today or later. */
  dueDate: string;
}

/** "Besproken" as recordTopicDiscussed takes it: the notes ('' for none) and the filled action slots. */
export interface TopicDiscussedCommand {
  notes: string;
  actions: AgreedActionInput[];
}
