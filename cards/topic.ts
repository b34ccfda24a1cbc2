import { ACTION_SLOTS, ACTION_TEXT_MAX_LENGTH, NOTES_MAX_LENGTH, SKIP_REASON_MAX_LENGTH } from '../bot/domain/agenda/topicFormLimits';
import type { Locale } from '../bot/domain/locale';
import { renderWithMostThatFit } from './cardBudget';
import type { FieldErrorData } from './fieldError';
import { formatNumber, messageKeyIn, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import template from './topic.card.json';
import type { PersonChoice } from './personChoice';

/** A topic's text on a card, in the card's language. */
export interface TopicCardText {
  title: string;
  intro: string;
  questions: string[];
  help: string;
  source: string;
}

/** An agreed action as shown on the topic card after "discussed". */
export interface AgreedActionLine {
  text: string;
  ownerName: string;
  /** Formatted due date. */
  due: string;
}

export type TopicFormField = 'notes' | 'skipReason' | `action${1 | 2 | 3}${'Text' | 'Owner' | 'Due'}`;

/** The topic card posted in a team channel before a meeting. */
export interface TopicCardView {
  locale: Locale;
  postingId: string;
  /** Formatted date (and time) of the meeting. */
  meeting: string;
  topic: TopicCardText;
  state: 'posted' | 'discussed' | 'skipped';
  /** discussed / skipped: who recorded it and when (formatted). */
  recordedBy?: string;
  recordedAt?: string;
  /** discussed: the agreed actions. */
  actions?: AgreedActionLine[];
  /** Team members for the action-owner lists (shown next to Teams' people picker, which searches the organisation); at most 75 shown. */
  members: PersonChoice[];
  /** What was entered, kept when the card comes back with errors (then the form is shown open, with the messages next to the fields). */
  form?: Partial<Record<TopicFormField, string>>;
  /** Field → key under `validation.` */
  errors?: Partial<Record<TopicFormField, string>>;
}


/** The most team members each action-owner list shows; Teams' people picker finds everyone else. */
export const TOPIC_MAX_MEMBERS = 75;


const MAX_LENGTH: Partial<Record<TopicFormField, number>> = {
  notes: NOTES_MAX_LENGTH,
  skipReason: SKIP_REASON_MAX_LENGTH,
  action1Text: ACTION_TEXT_MAX_LENGTH,
  action2Text: ACTION_TEXT_MAX_LENGTH,
  action3Text: ACTION_TEXT_MAX_LENGTH,
};

interface FieldData extends FieldErrorData {
  value: string;
}

interface SlotData {
  textId: string;
  ownerId: string;
  dueId: string;
  label: string;
  text: FieldData;
  owner: FieldData;
  due: FieldData;
}

interface TopicData {
  lang: Locale;
  postingId: string;
  topic: { title: string; intro: string; help: string };
  hasQuestions: boolean;
  questions: { line: string }[];
  hasSource: boolean;
  isPosted: boolean;
  isDiscussed: boolean;
  isSkipped: boolean;
  recorded: string;
  hasActions: boolean;
  actions: { line: string }[];
  /** The card came back with errors in the "discussed" form: it is shown open in the body. */
  openDiscussed: boolean;
  /** … or with an error in the skip reason: that form is shown open instead. */
  openSkip: boolean;
  form: { notes: FieldData; skipReason: FieldData };
  slots: SlotData[];
  members: PersonChoice[];
  text: Record<
    | 'forMeeting'
    | 'questionsTitle'
    | 'helpTitle'
    | 'source'
    | 'noReports'
    | 'agreedTitle'
    | 'noActions'
    | 'checkForm'
    | 'discussed'
    | 'notesLabel'
    | 'notesPlaceholder'
    | 'actionsTitle'
    | 'actionsHint'
    | 'actionPlaceholder'
    | 'ownerLabel'
    | 'ownerPlaceholder'
    | 'dueLabel'
    | 'saveDiscussed'
    | 'other'
    | 'skip'
    | 'skipReasonLabel'
    | 'skipReasonPlaceholder'
    | 'saveSkipped',
    string
  >;
}

function field(view: TopicCardView, name: TopicFormField, editable: boolean): FieldData {
  const value = editable ? (view.form?.[name] ?? '') : '';
  const key = editable ? view.errors?.[name] : undefined;
  if (!key) return { value, hasError: false, error: '' };
  const max = formatNumber(MAX_LENGTH[name] ?? ACTION_TEXT_MAX_LENGTH, view.locale);
  return { value, hasError: true, error: t(view.locale, messageKeyIn('validation', key, 'validation.generic'), { max }) };
}

function recordedLine(view: TopicCardView): string {
  const l = view.locale;
  const known = view.recordedBy !== undefined && view.recordedAt !== undefined;
  if (view.state === 'discussed') return known ? t(l, 'agenda.topic.recordedDiscussed', { by: view.recordedBy ?? '', at: view.recordedAt ?? '' }) : t(l, 'agenda.topic.discussed');
  if (view.state === 'skipped') return known ? t(l, 'agenda.topic.recordedSkipped', { by: view.recordedBy ?? '', at: view.recordedAt ?? '' }) : t(l, 'agenda.topic.skipped');
  return '';
}

function topicData(view: TopicCardView, members: PersonChoice[]): TopicData {
  const l = view.locale;
  const isPosted = view.state === 'posted';
  const errorFields = Object.keys(view.errors ?? {}).filter((name) => view.errors?.[name as TopicFormField]);
  const openDiscussed = isPosted && errorFields.some((name) => name !== 'skipReason');
  const openSkip = isPosted && !openDiscussed && errorFields.includes('skipReason');
  const actions = view.state === 'discussed' ? (view.actions ?? []) : [];
  return {
    lang: l,
    postingId: view.postingId,
    topic: { title: view.topic.title, intro: view.topic.intro, help: view.topic.help },
    hasQuestions: view.topic.questions.length > 0,
    questions: view.topic.questions.map((line) => ({ line })),
    hasSource: view.topic.source !== '',
    isPosted,
    isDiscussed: view.state === 'discussed',
    isSkipped: view.state === 'skipped',
    recorded: recordedLine(view),
    hasActions: actions.length > 0,
    actions: actions.map((action) => ({ line: t(l, 'agenda.topic.actionLine', { text: action.text, owner: action.ownerName, due: action.due }) })),
    openDiscussed,
    openSkip,
    form: { notes: field(view, 'notes', isPosted), skipReason: field(view, 'skipReason', isPosted) },
    slots: ACTION_SLOTS.map((n) => ({
      textId: `action${n}Text`,
      ownerId: `action${n}Owner`,
      dueId: `action${n}Due`,
      label: t(l, 'agenda.topic.actionLabel', { number: n }),
      text: field(view, `action${n}Text`, isPosted),
      owner: field(view, `action${n}Owner`, isPosted),
      due: field(view, `action${n}Due`, isPosted),
    })),
    members,
    text: {
      forMeeting: t(l, 'agenda.topic.forMeeting', { meeting: view.meeting }),
      questionsTitle: t(l, 'agenda.topic.questionsTitle'),
      helpTitle: t(l, 'agenda.topic.helpTitle'),
      source: t(l, 'agenda.topic.source', { source: view.topic.source }),
      noReports: t(l, 'agenda.topic.noReports'),
      agreedTitle: t(l, 'agenda.topic.agreedTitle'),
      noActions: t(l, 'agenda.topic.noActions'),
      checkForm: t(l, 'agenda.topic.checkForm'),
      discussed: t(l, 'agenda.topic.discussed'),
      notesLabel: t(l, 'agenda.topic.notesLabel'),
      notesPlaceholder: t(l, 'agenda.topic.notesPlaceholder'),
      actionsTitle: t(l, 'agenda.topic.actionsTitle'),
      actionsHint: t(l, 'agenda.topic.actionsHint'),
      actionPlaceholder: t(l, 'agenda.topic.actionPlaceholder'),
      ownerLabel: t(l, 'agenda.topic.ownerLabel'),
      ownerPlaceholder: t(l, 'agenda.topic.ownerPlaceholder'),
      dueLabel: t(l, 'agenda.topic.dueLabel'),
      saveDiscussed: t(l, 'agenda.topic.saveDiscussed'),
      other: t(l, 'agenda.topic.other'),
      skip: t(l, 'agenda.topic.skip'),
      skipReasonLabel: t(l, 'agenda.topic.skipReasonLabel'),
      skipReasonPlaceholder: t(l, 'agenda.topic.skipReasonPlaceholder'),
      saveSkipped: t(l, 'agenda.topic.saveSkipped'),
    },
  };
}

/**
 * The topic card in a team channel before a meeting: the topic's title, the meeting it is for,
 * the introduction, the questions as a list, where to get help and (small) the source.
 *
 * While `posted` it has three buttons: "Besproken" opens the form (optional `notes`, and three
 * action slots, each a text, an owner and a due date) that sends `topicDiscussed`; "Ander
 * onderwerp" sends `topicOther` without inputs; "Deze keer overslaan" opens an optional reason and
 * sends `topicSkipped`. All carry `{ postingId }`. When the card comes back with errors, that form
 * is shown open in the body with what was entered and each message under its field.
 *
 * The owner lists show the team members in the order given (at most {@link TOPIC_MAX_MEMBERS}, the
 * same in each slot) next to Teams' people picker, which searches the whole organisation. Three
 * lists of long names could pass the Teams size limit: then each list shows as many members as
 * fit within {@link CARD_BUDGET_BYTES}, and the picker finds the rest.
 *
 * Once `discussed` or `skipped` it has no inputs and no buttons: who recorded it and when, and the
 * agreed actions (or that none were agreed). Notes and a skip reason are never shown.
 */
export function renderTopic(view: TopicCardView): AdaptiveCard {
  const members = view.members.slice(0, TOPIC_MAX_MEMBERS).map(({ id, name }) => ({ id, name }));
  const render = (count: number): AdaptiveCard => renderCard(template, topicData(view, members.slice(0, count)));
  // Only the form lists members: a recorded card is what it is.
  return view.state === 'posted' ? renderWithMostThatFit(members.length, render) : render(members.length);
}
