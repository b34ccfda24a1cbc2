import type { Locale } from '../bot/domain/locale';
import { caseFieldError } from './caseFieldError';
import type { FieldErrorData } from './fieldError';
import template from './handover.card.json';
import { formatNumber, t, type MessageKey } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { PersonChoice } from './personChoice';

// Handover on a change of command ("overdracht bij wisseling van commandant").
//
// - Chat command "overdracht" / "handover": a notice (no content) with a button that opens the
//   dialog: `Action.Submit` + `msteams: { type: 'task/fetch' }` + `vm: { dialog: 'handover', nav: 'next' }`.
// - In the dialog: inputs `fromPerson` (coordinators only; for anyone else it is fixed to
//   themself) and `toPerson`. Both are `Input.ChoiceSet`s whose values are Entra object ids:
//   static choices from the directory, plus Teams' people picker (`choices.data`: `Data.Query` on
//   `graph.microsoft.com/users`), which sends the same ids. Submit
//   `vm: { dialog: 'handover', nav: 'submit' }`, cancel and close `vm: { dialog: 'handover', nav: 'close' }`.

/**
 * What a handover did: counts per outcome (shown in the dialog only, never in a chat). No
 * references: which case went where would tell whom a case excludes.
 */
export interface HandoverOutcome {
  /** Display names of the person handed over from and of the successor. */
  fromName: string;
  toName: string;
  toSuccessor: number;
  /** Cases the successor may not take (not their role or unit, excluded, involved): sent to the Meldpunt. */
  toFallback: number;
  /** Cases nobody eligible could take: still with the old handler. */
  notMoved: number;
}

/** The handover dialog: the form, or (after the handover) what moved where. */
export interface HandoverView {
  locale: Locale;
  /** The user coordinates a unit: `fromPerson` is a picker. Otherwise it is fixed to `self`. */
  coordinator: boolean;
  /** The user. */
  self: PersonChoice;
  /** Static choices for `fromPerson` (coordinators), in the order shown; at most `HANDOVER_MAX_CHOICES` are shown. */
  fromChoices: PersonChoice[];
  /** Static choices for `toPerson`, in the order shown; at most `HANDOVER_MAX_CHOICES` are shown. */
  toChoices: PersonChoice[];
  /** Current selections (Entra object ids), kept when the form comes back with an error. */
  fromPerson?: string;
  toPerson?: string;
  /** Field → locale key under `validation.` */
  errors: Partial<Record<'fromPerson' | 'toPerson', string>>;
  /** After the handover: replaces the form. */
  result?: HandoverOutcome;
}

/**
 * The most people a picker lists itself. Teams refuses cards over ~28 KB, and two long lists
 * would pass that; Teams' people picker searches the whole organisation for anyone not listed.
 */
export const HANDOVER_MAX_CHOICES = 75;

interface PickerData extends FieldErrorData {
  value: string;
}

interface ResultGroup {
  title: string;
  hasNote: boolean;
  note: string;
  /** The note is a warning (shown in red): cases nobody could take. */
  warn: boolean;
}

interface HandoverData {
  lang: Locale;
  isForm: boolean;
  hasResult: boolean;
  coordinator: boolean;
  selfName: string;
  whatHappens: { line: string }[];
  fromPerson: PickerData;
  toPerson: PickerData;
  fromChoices: PersonChoice[];
  toChoices: PersonChoice[];
  result: { intro: string; anyCases: boolean; counts: { title: string; count: string }[]; groups: ResultGroup[] };
  text: Record<
    | 'title'
    | 'intro'
    | 'whatHappensTitle'
    | 'fromLabel'
    | 'fromPlaceholder'
    | 'fromFixedLabel'
    | 'ownOnly'
    | 'toLabel'
    | 'toPlaceholder'
    | 'searchHint'
    | 'submit'
    | 'cancel'
    | 'close'
    | 'reportersTold',
    string
  >;
}

const WHAT_HAPPENS = ['allOpen', 'successorRole', 'excluded', 'successor', 'reporters'] as const;

function picker(locale: Locale, value: string | undefined, errorKey: string | undefined): PickerData {
  return { value: value ?? '', ...caseFieldError(locale, errorKey) };
}

/**
 * The static choices of a picker: at most {@link HANDOVER_MAX_CHOICES}. A choice set needs at
 * least one choice (the Adaptive Cards library reports an empty one), so an empty list shows the
 * user; Teams' people picker finds everyone else.
 */
function choices(people: PersonChoice[], self: PersonChoice): PersonChoice[] {
  const listed = people.length > 0 ? people : [self];
  return listed.slice(0, HANDOVER_MAX_CHOICES).map(({ id, name }) => ({ id, name }));
}

function resultData(locale: Locale, outcome: HandoverOutcome | undefined): HandoverData['result'] {
  if (!outcome) return { intro: '', anyCases: false, counts: [], groups: [] };
  const outcomes: { key: 'toSuccessor' | 'toFallback' | 'notMoved'; title: string; noteKey?: MessageKey }[] = [
    { key: 'toSuccessor', title: t(locale, 'handover.done.toSuccessor', { to: outcome.toName }) },
    { key: 'toFallback', title: t(locale, 'handover.done.toFallback'), noteKey: 'handover.done.fallbackNote' },
    { key: 'notMoved', title: t(locale, 'handover.done.notMoved'), noteKey: 'handover.done.notMovedNote' },
  ];
  const total = outcome.toSuccessor + outcome.toFallback + outcome.notMoved;
  return {
    intro: t(locale, total === 0 ? 'handover.done.none' : 'handover.done.intro', { from: outcome.fromName }),
    anyCases: total > 0,
    counts: outcomes.map(({ key, title }) => ({ title, count: formatNumber(outcome[key], locale) })),
    groups: outcomes
      .filter(({ key, noteKey }) => outcome[key] > 0 && noteKey !== undefined)
      .map(({ key, title, noteKey }) => ({
        title,
        hasNote: noteKey !== undefined,
        note: noteKey ? t(locale, noteKey, { from: outcome.fromName }) : '',
        warn: key === 'notMoved',
      })),
  };
}

/**
 * The handover dialog ("overdracht"). The form explains in plain words what happens (all open
 * cases move; a case the successor is involved in goes to the Meldpunt; reporters hear the new
 * role, never the name), then asks whose cases (`fromPerson`: coordinators only, anyone else
 * sees their own name) and who takes them over (`toPerson`). Both pickers list people from the
 * directory (at most {@link HANDOVER_MAX_CHOICES}, in the order given; the user when the list is
 * empty) and carry Teams' people picker query, so anyone in the organisation can be found;
 * without Graph the lists still work.
 * Selections are kept and an error is shown under its field. After the handover the dialog shows
 * the counts per outcome, never which case went where (the user may not see these cases).
 */
export function renderHandover(view: HandoverView): AdaptiveCard {
  const l = view.locale;
  const data: HandoverData = {
    lang: l,
    isForm: view.result === undefined,
    hasResult: view.result !== undefined,
    coordinator: view.coordinator,
    selfName: view.self.name,
    whatHappens: WHAT_HAPPENS.map((key) => ({ line: t(l, `handover.whatHappens.${key}`) })),
    fromPerson: picker(l, view.fromPerson, view.errors.fromPerson),
    toPerson: picker(l, view.toPerson, view.errors.toPerson),
    fromChoices: choices(view.fromChoices, view.self),
    toChoices: choices(view.toChoices, view.self),
    result: resultData(l, view.result),
    text: {
      title: t(l, view.result ? 'handover.done.title' : 'handover.title'),
      intro: t(l, 'handover.intro'),
      whatHappensTitle: t(l, 'handover.whatHappensTitle'),
      fromLabel: t(l, 'handover.fromLabel'),
      fromPlaceholder: t(l, 'handover.fromPlaceholder'),
      fromFixedLabel: t(l, 'handover.fromFixedLabel'),
      ownOnly: t(l, 'handover.ownOnly'),
      toLabel: t(l, 'handover.toLabel'),
      toPlaceholder: t(l, 'handover.toPlaceholder'),
      searchHint: t(l, 'handover.searchHint'),
      submit: t(l, 'handover.submit'),
      cancel: t(l, 'handover.cancel'),
      close: t(l, 'common.close'),
      reportersTold: t(l, 'handover.done.reportersTold'),
    },
  };
  return renderCard(template, data);
}
