import { LOCALES, type Locale } from '../bot/domain/locale';
import { caseFieldError } from './caseFieldError';
import type { FieldErrorData } from './fieldError';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import template from './teamSettings.card.json';

// Team meeting agenda (werkoverleg): cards in a team channel, and action tasks in a 1:1 chat.
//
// Channel cards use `Action.Execute` with these verbs and `data` (Teams merges input values by id):
// - `saveTeamSettings` `{}`: inputs `weekdays` (multi-select, comma-separated ISO weekdays "1,3"),
//   `time` (Input.Time, "HH:mm"), `everyWeeks` ("1" | "2" | "4"), `leadWorkingDays` ("0".."5"),
//   `language` ("nl" | "en"), `unitId`, `paused` (toggle "true"/"false");
// - `openTeamSettings` `{}`: the settings card (from the welcome or after saving);
// - `topicDiscussed` `{ postingId }`: inputs `notes`, and three action slots `action1Text`,
//   `action1Owner` (Entra object id from the people picker or the member list), `action1Due`
//   (YYYY-MM-DD), … `action3Due`;
// - `topicOther` `{ postingId }`: another topic for the same meeting, now;
// - `topicSkipped` `{ postingId }`: input `skipReason` (optional).
// The action task card in the owner's 1:1 chat: `actionDone` `{ actionId }`, `actionNewDate`
// `{ actionId }` with input `newDate` (YYYY-MM-DD), and `refreshAction` `{ actionId }` (refresh,
// `refresh.userIds` = [ownerUserId]).

/** A unit offered on the settings card. */
export interface UnitChoice {
  id: string;
  name: string;
}

export type TeamSettingsField = 'weekdays' | 'time' | 'everyWeeks' | 'leadWorkingDays' | 'language' | 'unitId';

/** The settings card in the team channel (also the welcome after install, with `welcome`). */
export interface TeamSettingsView {
  locale: Locale;
  teamName: string;
  /** Just installed: show what the bot does in this channel above the form. */
  welcome: boolean;
  /** Values shown in the inputs: the saved settings, or what was entered when the card comes back with errors. */
  values: { weekdays: string; time: string; everyWeeks: string; leadWorkingDays: string; language: string; unitId: string; paused: boolean };
  /** Units to choose from (the team's unit first when known); at most 100 shown. */
  units: UnitChoice[];
  /** Field → key under `validation.` */
  errors: Partial<Record<TeamSettingsField, string>>;
  /** After a save: when the next topic will be posted and the meeting it is for (formatted), or that posting is paused. */
  saved?: { paused: false; nextPost: string; meeting: string } | { paused: true };
  /** The viewer may not change the settings: the form is replaced by who can (team owners and the unit's coordinators, by name). */
  readOnly?: { ownerNames: string[]; coordinatorNames: string[] };
}

/** The most units the unit list offers (the list is `filtered`: people type to find theirs). */
export const TEAM_SETTINGS_MAX_UNITS = 100;

/** The lead times offered, in working days before the meeting ("0": on the day, an hour before). */
const LEAD_WORKING_DAYS = ['0', '1', '2', '3', '4', '5'] as const;

/** Shown when no lead time is known: the default of a fresh install. */
const DEFAULT_LEAD_WORKING_DAYS = '1';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

const EVERY_WEEKS = ['1', '2', '4'] as const;

const FIELDS: readonly TeamSettingsField[] = ['weekdays', 'time', 'everyWeeks', 'leadWorkingDays', 'language', 'unitId'];

const WELCOME_POINTS = ['welcomeTopic', 'welcomeRecord', 'welcomeNothing', 'welcomeReport'] as const;

interface Choice {
  title: string;
  value: string;
}

interface FieldData extends FieldErrorData {
  value: string;
}

interface TeamSettingsData {
  lang: Locale;
  hasSaved: boolean;
  saved: string;
  hasTeamName: boolean;
  welcome: boolean;
  welcomePoints: { line: string }[];
  readOnly: boolean;
  readOnlyNames: { owners: string; coordinators: string };
  fields: Record<TeamSettingsField, FieldData>;
  paused: string;
  weekdayChoices: Choice[];
  everyWeeksChoices: Choice[];
  leadChoices: Choice[];
  languageChoices: Choice[];
  unitChoices: UnitChoice[];
  text: Record<
    | 'title'
    | 'team'
    | 'welcomeIntro'
    | 'welcomeSetup'
    | 'weekdaysLabel'
    | 'timeLabel'
    | 'everyWeeksLabel'
    | 'leadLabel'
    | 'languageLabel'
    | 'unitLabel'
    | 'unitPlaceholder'
    | 'unitHint'
    | 'pausedLabel'
    | 'pausedTitle'
    | 'save'
    | 'readOnly'
    | 'owners'
    | 'coordinators',
    string
  >;
}

function leadTitle(locale: Locale, days: (typeof LEAD_WORKING_DAYS)[number]): string {
  if (days === '0') return t(locale, 'agenda.settings.leadSameDay');
  if (days === '1') return t(locale, 'agenda.settings.leadOne');
  return t(locale, 'agenda.settings.leadMany', { days });
}

function savedLine(locale: Locale, saved: TeamSettingsView['saved']): string {
  if (!saved) return '';
  if (saved.paused) return t(locale, 'agenda.settings.savedPaused');
  return t(locale, 'agenda.settings.savedNext', { nextPost: saved.nextPost, meeting: saved.meeting });
}

function names(locale: Locale, list: string[]): string {
  return list.length > 0 ? list.join(', ') : t(locale, 'agenda.settings.nobodyKnown');
}

function fieldsData(view: TeamSettingsView): TeamSettingsData['fields'] {
  const values: Record<TeamSettingsField, string> = {
    ...view.values,
    leadWorkingDays: view.values.leadWorkingDays || DEFAULT_LEAD_WORKING_DAYS,
  };
  return Object.fromEntries(FIELDS.map((field) => [field, { value: values[field], ...caseFieldError(view.locale, view.errors[field]) }])) as TeamSettingsData['fields'];
}

/**
 * The team's agenda settings in its channel (also the welcome after install, with `welcome`).
 * The welcome first says what the bot does here: a safety topic before each team meeting,
 * recording "discussed" and agreed actions, never anything about a report, and that reporting is
 * done in a 1:1 chat. The form asks the meeting days (`weekdays`, ISO numbers), start `time`,
 * how often (`everyWeeks`), how many working days ahead the topic is posted (`leadWorkingDays`,
 * 1 when unknown), the topics' `language`, the team's unit (`unitId`, at most
 * {@link TEAM_SETTINGS_MAX_UNITS}, filtered) and `paused`; Save sends `saveTeamSettings`.
 * Values are kept and an error is shown under its field (an unknown key shows the general text).
 * After a save a confirmation comes first. A viewer who may not change the settings (`readOnly`)
 * sees who can, by name, and no form and no button.
 */
export function renderTeamSettings(view: TeamSettingsView): AdaptiveCard {
  const l = view.locale;
  const readOnly = view.readOnly !== undefined;
  const saved = savedLine(l, view.saved);
  const data: TeamSettingsData = {
    lang: l,
    hasSaved: saved !== '' && !readOnly,
    saved,
    hasTeamName: view.teamName !== '',
    welcome: view.welcome,
    welcomePoints: WELCOME_POINTS.map((key) => ({ line: t(l, `agenda.settings.${key}`) })),
    readOnly,
    readOnlyNames: { owners: names(l, view.readOnly?.ownerNames ?? []), coordinators: names(l, view.readOnly?.coordinatorNames ?? []) },
    fields: fieldsData(view),
    paused: view.values.paused ? 'true' : 'false',
    weekdayChoices: WEEKDAYS.map((day) => ({ title: t(l, `agenda.settings.weekdays.${day}`), value: day })),
    everyWeeksChoices: EVERY_WEEKS.map((weeks) => ({ title: t(l, `agenda.settings.everyWeeks.${weeks}`), value: weeks })),
    leadChoices: LEAD_WORKING_DAYS.map((days) => ({ title: leadTitle(l, days), value: days })),
    languageChoices: LOCALES.map((locale) => ({ title: t(l, `agenda.languages.${locale}`), value: locale })),
    unitChoices: view.units.slice(0, TEAM_SETTINGS_MAX_UNITS).map(({ id, name }) => ({ id, name })),
    text: {
      title: t(l, 'agenda.settings.title'),
      team: t(l, 'agenda.settings.team', { team: view.teamName }),
      welcomeIntro: t(l, 'agenda.settings.welcomeIntro'),
      welcomeSetup: t(l, 'agenda.settings.welcomeSetup'),
      weekdaysLabel: t(l, 'agenda.settings.weekdaysLabel'),
      timeLabel: t(l, 'agenda.settings.timeLabel'),
      everyWeeksLabel: t(l, 'agenda.settings.everyWeeksLabel'),
      leadLabel: t(l, 'agenda.settings.leadLabel'),
      languageLabel: t(l, 'agenda.settings.languageLabel'),
      unitLabel: t(l, 'agenda.settings.unitLabel'),
      unitPlaceholder: t(l, 'agenda.settings.unitPlaceholder'),
      unitHint: t(l, 'agenda.settings.unitHint'),
      pausedLabel: t(l, 'agenda.settings.pausedLabel'),
      pausedTitle: t(l, 'agenda.settings.pausedTitle'),
      save: t(l, 'agenda.settings.save'),
      readOnly: t(l, 'agenda.settings.readOnly'),
      owners: t(l, 'agenda.settings.owners'),
      coordinators: t(l, 'agenda.settings.coordinators'),
    },
  };
  return renderCard(template, data);
}
