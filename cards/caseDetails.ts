import type { Locale } from '../bot/domain/locale';
import { CARD_BUDGET_BYTES, cardBytes } from './cardBudget';
import template from './caseDetails.card.json';
import { caseHistory, type CaseHistoryData } from './caseHistory';
import { IDENTITY_NOTES, reporterValue } from './caseReporter';
import { caseThread, type CaseThreadData } from './caseThread';
import { displayDate } from './displayDate';
import { t } from './i18n';
import { keyInGroup } from './keyInGroup';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { Category, IdentityMode, RequestKind } from '../bot/domain/report';
import type { CaseState } from '../bot/domain/caseLifecycle';
import type { CaseMessageLine } from './caseThread';

/** The report's content for the assigned handler, in a dialog. */
export interface CaseDetailsView {
  locale: Locale;
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  state: CaseState;
  categories: Category[];
  receivedOn: string;
  /** Named reports; confidential ones only when the reporter agreed that this handler may know. Otherwise absent. */
  reporterName?: string;
  /**
   * Confidential reports: 'available' (the handler may ask who reported: a button opens the
   * `caseIdentity` form), 'pending' (asked, waiting for the reporter), 'disclosed' (the reporter
   * agreed: `reporterName` is shown). Absent: nothing to show (named, anonymous, or closed).
   */
  identityRequest?: 'available' | 'pending' | 'disclosed';
  involved?: string;
  incidentDate?: string;
  location?: string;
  description: string;
  wantsCounsellorContact: boolean;
  immediateDanger: boolean;
  /** The routing decision as a locale key under `routing.` (e.g. `routing.r5_manager_involved`). */
  routingReasonKey: string;
  messages: CaseMessageLine[];
  /** History lines: formatted time + locale key under `history.` (e.g. `history.acknowledged`). */
  history: { at: string; eventKey: string }[];
}

interface CaseDetailsData {
  lang: Locale;
  caseId: string;
  immediateDanger: boolean;
  /** Our own words and the bot's references and dates: shown in a FactSet. */
  facts: { title: string; value: string }[];
  /** What people typed (and the reporter's name): shown as plain text in TextRuns. */
  fields: { label: string; value: string; answered: boolean }[];
  routing: string;
  thread: CaseThreadData;
  history: CaseHistoryData;
  /** A line under the reporter about their identity (confidential reports), empty when none. */
  showIdentityNote: boolean;
  identityNote: string;
  /** The "ask who reported" button (opens the `caseIdentity` form). */
  canRequestIdentity: boolean;
  text: Record<'confidential' | 'title' | 'dangerWarning' | 'routingTitle' | 'messagesTitle' | 'noMessages' | 'historyTitle' | 'requestIdentity' | 'close', string>;
}

/** Room kept for the "not everything fits" note above the messages. */
const NOTE_RESERVE_BYTES = 400;

const NO_THREAD: CaseThreadData = { isEmpty: true, messages: [], notAllShown: false, note: '', shortenedLabel: '' };

function field(locale: Locale, label: string, value: string | undefined): CaseDetailsData['fields'][number] {
  return value ? { label, value, answered: true } : { label, value: t(locale, 'common.notAnswered'), answered: false };
}

function yesNo(locale: Locale, value: boolean): string {
  return t(locale, value ? 'common.yes' : 'common.no');
}

function caseDetailsData(view: CaseDetailsView, thread: CaseThreadData): CaseDetailsData {
  const l = view.locale;
  const categories = view.categories.map((category) => t(l, `categories.${category}.title`)).join(', ');
  // Only a confidential report has anything to ask or to have been told.
  const identityRequest = view.identity === 'confidential' ? view.identityRequest : undefined;
  return {
    lang: l,
    caseId: view.caseId,
    immediateDanger: view.immediateDanger,
    facts: [
      { title: t(l, 'handler.details.reference'), value: view.reference },
      { title: t(l, 'handler.details.kind'), value: t(l, `kinds.${view.kind}.title`) },
      { title: t(l, 'handler.details.identity'), value: t(l, `identity.${view.identity}.title`) },
      { title: t(l, 'handler.details.state'), value: t(l, `states.${view.state}.title`) },
      { title: t(l, 'handler.details.categories'), value: categories || t(l, 'common.notAnswered') },
      { title: t(l, 'handler.details.receivedOn'), value: displayDate(view.receivedOn, l) },
      { title: t(l, 'handler.details.counsellor'), value: yesNo(l, view.wantsCounsellorContact) },
      { title: t(l, 'handler.details.danger'), value: yesNo(l, view.immediateDanger) },
    ],
    fields: [
      { label: t(l, 'handler.details.reporter'), ...reporterValue(view) },
      field(l, t(l, 'handler.details.involved'), view.involved),
      field(l, t(l, 'handler.details.incidentDate'), view.incidentDate && displayDate(view.incidentDate, l)),
      field(l, t(l, 'handler.details.location'), view.location),
      field(l, t(l, 'handler.details.description'), view.description),
    ],
    routing: t(l, keyInGroup('routing', view.routingReasonKey) ?? 'routing.unknown'),
    thread,
    history: caseHistory(l, view.history),
    showIdentityNote: identityRequest !== undefined,
    identityNote: identityRequest ? t(l, IDENTITY_NOTES[identityRequest]) : '',
    canRequestIdentity: identityRequest === 'available',
    text: {
      confidential: t(l, 'handler.details.confidential'),
      title: t(l, 'handler.details.title', { reference: view.reference }),
      dangerWarning: t(l, 'handler.details.dangerWarning'),
      routingTitle: t(l, 'handler.details.routingTitle'),
      messagesTitle: t(l, 'handler.details.messagesTitle'),
      noMessages: t(l, 'handler.details.noMessages'),
      historyTitle: t(l, 'handler.details.historyTitle'),
      requestIdentity: t(l, 'handler.details.requestIdentity'),
      close: t(l, 'common.close'),
    },
  };
}

/**
 * The case's content for the assigned handler, in a dialog (never in a chat: chat messages are
 * kept for compliance search). A reminder that it is confidential comes first; then the facts,
 * the reporter (a name for named reports, and for confidential ones when the reporter agreed that
 * this handler may know; otherwise a line on asking, with an "ask who reported" button that opens
 * the `caseIdentity` form, or that the request waits), what was reported as plain text, why the case
 * came to this handler, the messages with the reporter and the recent history.
 *
 * The report's own text is always shown in full (the bot limits it). The messages are not
 * limited in number, so they get the room that is left under the card budget: the newest in full,
 * older ones shortened or left out with a note (see `caseThread`).
 */
export function renderCaseDetails(view: CaseDetailsView): AdaptiveCard {
  const withoutMessages = renderCard(template, caseDetailsData(view, NO_THREAD));
  const room = CARD_BUDGET_BYTES - cardBytes(withoutMessages) - NOTE_RESERVE_BYTES;
  return renderCard(template, caseDetailsData(view, caseThread(view.locale, view.messages, 'handler', room)));
}
