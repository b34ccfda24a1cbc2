import type { Locale } from '../bot/domain/locale';
import { displayDate } from './displayDate';
import template from './handlerTask.card.json';
import { t } from './i18n';
import { keyInGroup } from './keyInGroup';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { IdentityMode, RequestKind } from '../bot/domain/report';
import type { CaseState } from '../bot/domain/caseLifecycle';
import type { HandlerRole } from '../bot/domain/chooseRoute';

/** A deadline on a card: what, when (formatted), and whether it passed. */
export interface DeadlineLine {
  /** Locale key of the clock's name, e.g. `clocks.acknowledge`. */
  labelKey: string;
  /** Formatted date/time, Europe/Amsterdam. */
  due: string;
  overdue: boolean;
}

/**
 * The handler's task card in their 1:1 chat. NO report content: reference, kind, identity mode,
 * state, deadlines and buttons. `refresh.userIds` = [handlerUserId] so Teams shows the current
 * state to the handler (verb `refreshCase`).
 */
export interface HandlerTaskView {
  locale: Locale;
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  state: CaseState;
  /** The role the case is handled in. */
  role: HandlerRole;
  receivedOn: string;
  deadlines: DeadlineLine[];
  /** Entra object id of the assigned handler, for `refresh.userIds`. */
  handlerUserId: string;
  /** When the viewer is not the assigned handler (someone else pressed a button): show the refusal instead of buttons. */
  notForYou?: boolean;
  /** A short confirmation line after an action (locale key), e.g. `handler.done.acknowledged`. */
  doneKey?: string;
  /** A retaliation case (benadeling), opened by a check-in answer: labelled as such (never naming the earlier case). */
  retaliation?: boolean;
}

interface HandlerTaskData {
  lang: Locale;
  caseId: string;
  handlerUserId: string;
  /** `doneKey` is a confirmation of the handler's own action (`handler.done.*`, green) … */
  showDone: boolean;
  /** … or news about the case (`handler.news.*`, e.g. the reporter answered: neutral). */
  showNews: boolean;
  done: string;
  /**
   * The news a delivered card carries (`answered`, …; '' for none), sent back with Teams' refresh: the refreshed card
   * keeps the line it arrived with, instead of Teams replacing it with one that no longer says why it came.
   */
  refreshNews: string;
  notForYou: boolean;
  facts: Record<'reference' | 'kind' | 'identity' | 'role' | 'receivedOn' | 'state', string>;
  identityLine: string;
  retaliation: boolean;
  retaliationLine: string;
  hasDeadlines: boolean;
  deadlines: { text: string; overdue: boolean }[];
  canOpen: boolean;
  canAcknowledge: boolean;
  canAct: boolean;
  canExtend: boolean;
  text: Record<
    | 'title'
    | 'reference'
    | 'kind'
    | 'identity'
    | 'role'
    | 'receivedOn'
    | 'state'
    | 'deadlines'
    | 'private'
    | 'notForYou'
    | 'open'
    | 'acknowledge'
    | 'update'
    | 'question'
    | 'reassign'
    | 'close'
    | 'extend',
    string
  >;
}

const IDENTITY_LINE = {
  named: 'handler.task.identityNamed',
  confidential: 'handler.task.identityConfidential',
  anonymous: 'handler.task.identityAnonymous',
} as const;

function deadlinesData(view: HandlerTaskView): HandlerTaskData['deadlines'] {
  const l = view.locale;
  return view.deadlines.map((deadline) => {
    const label = t(l, keyInGroup('clocks', deadline.labelKey) ?? 'clocks.other');
    const key = deadline.overdue ? 'handler.task.overdue' : 'handler.task.deadline';
    return { text: t(l, key, { label, due: deadline.due }), overdue: deadline.overdue };
  });
}

/**
 * The handler's task card in their 1:1 chat. It carries no report content: only the reference,
 * kind, identity mode (with what that means for the handler), the role the case is handled in,
 * when it came in, its state and deadlines (passed ones in red and said in words); a retaliation
 * case (benadeling) says so in its kind and in one line, without naming the earlier case. Teams refreshes
 * it for the assigned handler (`refresh.userIds`, verb `refreshCase`).
 *
 * Buttons: open the case (a dialog, also once closed, to read it back), confirm receipt (only
 * while `submitted`) and, for a klacht, extend the deadline (the `caseExtend` dialog, only while not
 * closed) — both sit under the deadlines they stop or move, which also keeps the row of buttons
 * within the five that hosts show —, and update / question / pass on / close (dialogs, only while
 * not closed). When the viewer is not the assigned handler, the card says so, shows only the
 * reference and has no buttons. After an action a confirmation line comes first (`doneKey` under
 * `handler.done.`), or news about the case (under `handler.news.`); any other key is ignored.
 */
export function renderHandlerTask(view: HandlerTaskView): AdaptiveCard {
  const l = view.locale;
  const confirmation = keyInGroup('handler.done', view.doneKey);
  const news = keyInGroup('handler.news', view.doneKey);
  const done = confirmation ?? news;
  const notForYou = view.notForYou === true;
  const deadlines = deadlinesData(view);
  const data: HandlerTaskData = {
    lang: l,
    caseId: view.caseId,
    handlerUserId: view.handlerUserId,
    showDone: confirmation !== undefined && !notForYou,
    showNews: news !== undefined && !notForYou,
    done: done ? t(l, done) : '',
    refreshNews: news && !notForYou ? news.slice('handler.news.'.length) : '',
    notForYou,
    facts: {
      reference: view.reference,
      kind: view.retaliation ? t(l, 'handler.task.kindRetaliation', { kind: t(l, `kinds.${view.kind}.title`) }) : t(l, `kinds.${view.kind}.title`),
      identity: t(l, `identity.${view.identity}.title`),
      role: t(l, `roles.${view.role}`),
      receivedOn: displayDate(view.receivedOn, l),
      state: t(l, `states.${view.state}.title`),
    },
    identityLine: t(l, IDENTITY_LINE[view.identity]),
    retaliation: view.retaliation === true,
    retaliationLine: t(l, 'handler.task.retaliationLine'),
    hasDeadlines: deadlines.length > 0,
    deadlines,
    canOpen: !notForYou,
    canAcknowledge: !notForYou && view.state === 'submitted',
    canAct: !notForYou && view.state !== 'closed',
    canExtend: !notForYou && view.state !== 'closed' && view.kind === 'complaint',
    text: {
      title: t(l, 'handler.task.title'),
      reference: t(l, 'handler.task.reference'),
      kind: t(l, 'handler.task.kind'),
      identity: t(l, 'handler.task.identity'),
      role: t(l, 'handler.task.role'),
      receivedOn: t(l, 'handler.task.receivedOn'),
      state: t(l, 'handler.task.state'),
      deadlines: t(l, 'handler.task.deadlines'),
      private: t(l, 'handler.task.private'),
      notForYou: t(l, 'handler.task.notForYou'),
      open: t(l, 'handler.task.open'),
      acknowledge: t(l, 'handler.task.acknowledge'),
      update: t(l, 'handler.task.update'),
      question: t(l, 'handler.task.question'),
      reassign: t(l, 'handler.task.reassign'),
      close: t(l, 'handler.task.close'),
      extend: t(l, 'handler.task.extend'),
    },
  };
  return renderCard(template, data);
}
