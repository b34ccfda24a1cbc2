import type { Locale } from '../bot/domain/locale';
import template from './actionTask.card.json';
import { caseFieldError } from './caseFieldError';
import type { FieldErrorData } from './fieldError';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';

/** A follow-up action in its owner's 1:1 chat. */
export interface ActionTaskView {
  locale: Locale;
  actionId: string;
  /** What was agreed (one line). */
  text: string;
  teamName: string;
  /** Formatted due date. */
  due: string;
  /** Days left as text (e.g. "nog 3 dagen"), or empty. */
  timeLeft?: string;
  overdue: boolean;
  state: 'open' | 'done';
  /** A line on top: 'assigned' (new), 'reminder', 'newDate' (date changed), 'done' (just marked done). */
  news?: 'assigned' | 'reminder' | 'newDate' | 'done';
  /** Entra id of the owner: `refresh.userIds`. */
  ownerUserId: string;
  /** Someone else pressed a button: show that only the owner can change it, no buttons. */
  notForYou?: boolean;
  /** The new date entered, kept with an error. */
  newDate?: string;
  errors?: Partial<Record<'newDate', string>>;
}

interface ActionTaskData {
  lang: Locale;
  actionId: string;
  ownerUserId: string;
  hasNews: boolean;
  /**
   * The news a delivered card came with ('assigned', 'reminder'; '' for none), sent back with Teams' refresh so the
   * refreshed card keeps its line. A confirmation of the owner's own button ('done', 'newDate') is not carried on.
   */
  refreshNews: string;
  /** The news is the owner's own "done": a green confirmation; other news is neutral. */
  newsIsDone: boolean;
  news: string;
  teamName: string;
  actionText: string;
  due: string;
  showOverdue: boolean;
  isDone: boolean;
  notForYou: boolean;
  canAct: boolean;
  /** The new date came back with an error: the date is shown open in the body, with the message under it. */
  openNewDate: boolean;
  newDate: FieldErrorData & { value: string };
  text: Record<'title' | 'team' | 'action' | 'due' | 'overdue' | 'finished' | 'notForYou' | 'done' | 'newDate' | 'newDateLabel' | 'saveNewDate', string>;
}

const NEWS = {
  assigned: 'agenda.action.news.assigned',
  reminder: 'agenda.action.news.reminder',
  newDate: 'agenda.action.news.newDate',
  done: 'agenda.action.news.done',
} as const;

/**
 * An action agreed in a team meeting, in its owner's 1:1 chat: the team, what was agreed, the due
 * date (with the time left, or a passed date said in words and in red) and a news line on top
 * (assigned, reminder, new date, done). Teams refreshes it for the owner (`refresh.userIds`, verb
 * `refreshAction`). While open: "Gedaan" (`actionDone`) and "Nieuwe datum", which asks the date
 * (`newDate`) and sends `actionNewDate`; with an error the date is shown open with the message
 * under it, and the entered date is kept. Once done it says so and has no buttons. When someone
 * else pressed a button it says only the owner can change it, and has no buttons.
 */
export function renderActionTask(view: ActionTaskView): AdaptiveCard {
  const l = view.locale;
  const notForYou = view.notForYou === true;
  const isOpen = view.state === 'open';
  const canAct = isOpen && !notForYou;
  const newDate = { value: view.newDate ?? '', ...caseFieldError(l, view.errors?.newDate) };
  const news = view.news && !notForYou ? t(l, NEWS[view.news]) : '';
  const timeLeft = view.timeLeft ?? '';
  const data: ActionTaskData = {
    lang: l,
    actionId: view.actionId,
    ownerUserId: view.ownerUserId,
    hasNews: news !== '',
    refreshNews: !notForYou && (view.news === 'assigned' || view.news === 'reminder') ? view.news : '',
    newsIsDone: view.news === 'done',
    news,
    teamName: view.teamName,
    actionText: view.text,
    due: isOpen && !view.overdue && timeLeft !== '' ? t(l, 'agenda.action.dueWithTimeLeft', { due: view.due, timeLeft }) : view.due,
    showOverdue: isOpen && view.overdue && !notForYou,
    isDone: !isOpen,
    notForYou,
    canAct,
    openNewDate: canAct && newDate.hasError,
    newDate,
    text: {
      title: t(l, 'agenda.action.title'),
      team: t(l, 'agenda.action.team'),
      action: t(l, 'agenda.action.action'),
      due: t(l, 'agenda.action.due'),
      overdue: t(l, 'agenda.action.overdue'),
      finished: t(l, 'agenda.action.finished'),
      notForYou: t(l, 'agenda.action.notForYou'),
      done: t(l, 'agenda.action.done'),
      newDate: t(l, 'agenda.action.newDate'),
      newDateLabel: t(l, 'agenda.action.newDateLabel'),
      saveNewDate: t(l, 'agenda.action.saveNewDate'),
    },
  };
  return renderCard(template, data);
}
