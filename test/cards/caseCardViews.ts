/**
 * Realistic and edge-case views for the cards about handling a case, and those cards rendered
 * from them: part of the every-card matrix (see `cardViews.ts`).
 */
import { CASE_STATES } from '../../bot/domain/caseLifecycle';
import type { Locale } from '../../bot/domain/locale';
import { CATEGORIES, DESCRIPTION_MAX_LENGTH, IDENTITY_MODES, LOCATION_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH } from '../../bot/domain/report';
import { renderCaseDetails } from '../../cards/caseDetails';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { renderFeedback } from '../../cards/feedback';
import { renderHandlerAction } from '../../cards/handlerAction';
import { renderHandlerTask } from '../../cards/handlerTask';
import type { AdaptiveCard } from '../../cards/renderCard';
import { renderReporterCase } from '../../cards/reporterCase';
import { renderReporterNotice } from '../../cards/reporterNotice';
import type { CaseDetailsView } from '../../cards/caseDetails';
import type { CaseMessageLine } from '../../cards/caseThread';
import type { FeedbackView } from '../../cards/feedback';
import type { HandlerActionView } from '../../cards/handlerAction';
import type { HandlerTaskView } from '../../cards/handlerTask';
import type { ReporterCaseView } from '../../cards/reporterCase';
import type { ReporterNoticeView } from '../../cards/reporterNotice';
import type { WithdrawView } from '../../cards/withdraw';
import { renderWithdraw } from '../../cards/withdraw';
// Type only: cardViews imports this file, so a value import back would be circular.
import type { RenderedCase } from './cardViews';

/** Ids and codes as the bot would hand them in. */
export const CASE_ID = 'case-3f9a1c7e5b20';
export const REFERENCE = 'VM-7K3Q-9DX2';
export const HANDLER_USER_ID = '5b7e1c2a-90aa-4c8e-9a3f-6d5b4f9c0e7a';
export const SECRET = 'K7QX-M3TP-9HDA-RW4C';

/** Every handler form and every reporter notice event of the contract. */
export const HANDLER_ACTIONS = ['update', 'question', 'reassign', 'close', 'extend', 'identity'] as const;
export const NOTICE_EVENTS = ['acknowledged', 'update', 'question', 'reassigned', 'closed', 'withdrawn', 'late', 'extended', 'identityRequested'] as const;

/** A description at the maximum length, with typographic quotes, accents and line breaks. */
export const LONGEST_CASE_DESCRIPTION = 'Tijdens de oefening op de heide zei hij ‘dat meisjes hier niets te zoeken hebben’ en duwde hij me opzij.\n'
  .repeat(100)
  .slice(0, DESCRIPTION_MAX_LENGTH);

/** A message at the maximum length, with accents and line breaks (more bytes than characters). */
export const LONGEST_MESSAGE = 'Kun je nog eens vertellen wat er na het appèl gebeurde? Wie waren erbij, en heeft iemand iets gezien?\n'
  .repeat(60)
  .slice(0, CASE_MESSAGE_MAX_LENGTH);

/** A short conversation: a question, its answer, an update. */
export const SOME_MESSAGES: CaseMessageLine[] = [
  { from: 'handler', kind: 'question', at: '2 april 2025 om 10:15', text: 'Was er iemand anders bij toen dit gebeurde?' },
  { from: 'reporter', kind: 'answer', at: '3 april 2025 om 08:40', text: 'Ja, twee collega’s van het 2e peloton. Ik weet niet of ze iets willen zeggen.' },
  { from: 'handler', kind: 'update', at: '10 april 2025 om 14:00', text: 'Ik heb met de commandant gesproken. Volgende week hoor je meer.' },
];

/** `count` messages of `length` characters, alternating between handler and reporter, oldest first. */
export function manyMessages(count: number, length = CASE_MESSAGE_MAX_LENGTH): CaseMessageLine[] {
  const kinds = ['question', 'answer', 'update', 'information'] as const;
  return Array.from({ length: count }, (_, i) => ({
    from: i % 2 === 0 ? 'handler' : 'reporter',
    kind: kinds[i % kinds.length],
    at: `${i + 1} mei 2025 om 09:00`,
    text: `Bericht ${i + 1}: ${'ë'.repeat(length)}`.slice(0, length),
  }));
}

/** `count` history lines cycling through every event. */
export function longHistory(count: number): CaseDetailsView['history'] {
  const events = ['submitted', 'routed', 'assigned', 'acknowledged', 'content_opened', 'update_sent', 'question_asked', 'answered', 'information_added', 'escalated'];
  return Array.from({ length: count }, (_, i) => ({ at: `${(i % 28) + 1} april 2025 om 10:00`, eventKey: `history.${events[i % events.length]}` }));
}

/** A task card view (a new confidential melding at the Meldpunt); override what the test is about. */
export function handlerTaskView(locale: Locale, overrides: Partial<HandlerTaskView> = {}): HandlerTaskView {
  return {
    locale,
    caseId: CASE_ID,
    reference: REFERENCE,
    kind: 'report',
    identity: 'confidential',
    state: 'submitted',
    role: 'meldpunt',
    receivedOn: '2025-03-28',
    deadlines: [{ labelKey: 'clocks.acknowledge', due: '4 april 2025 om 17:00', overdue: false }],
    handlerUserId: HANDLER_USER_ID,
    ...overrides,
  };
}

/** A realistic named case for the handler's dialog; override what the test is about. */
export function caseDetailsView(locale: Locale, overrides: Partial<CaseDetailsView> = {}): CaseDetailsView {
  return {
    locale,
    caseId: CASE_ID,
    reference: REFERENCE,
    kind: 'report',
    identity: 'named',
    state: 'in_progress',
    categories: ['bullying', 'discrimination'],
    receivedOn: '2025-03-28',
    reporterName: 'Sanne de Vries',
    involved: 'Mijn groepscommandant (sgt.) en twee collega’s uit het 2e peloton',
    incidentDate: '2025-03-14',
    location: 'Legerplaats Oirschot, legering gebouw 12',
    description: 'Na het appèl werd ik weer uitgelachen om mijn accent.\nDit gebeurt al weken, ook in de groepsapp.',
    wantsCounsellorContact: true,
    immediateDanger: false,
    routingReasonKey: 'routing.r8_line',
    messages: SOME_MESSAGES,
    history: [
      { at: '28 maart 2025 om 09:12', eventKey: 'history.submitted' },
      { at: '28 maart 2025 om 09:12', eventKey: 'history.routed' },
      { at: '31 maart 2025 om 08:30', eventKey: 'history.acknowledged' },
    ],
    ...overrides,
  };
}

/** The most a case can hold: every text at its limit, 20 messages of 4,000 characters, a long history. */
export function worstCaseDetailsView(locale: Locale): CaseDetailsView {
  return caseDetailsView(locale, {
    categories: [...CATEGORIES],
    reporterName: 'Ë'.repeat(200),
    involved: 'é'.repeat(SHORT_TEXT_MAX_LENGTH),
    location: 'ë'.repeat(LOCATION_MAX_LENGTH),
    description: LONGEST_CASE_DESCRIPTION,
    immediateDanger: true,
    routingReasonKey: 'routing.r6_serious_category',
    messages: manyMessages(20),
    history: longHistory(200),
  });
}

/** An empty handler form; override what the test is about. */
export function handlerActionView(locale: Locale, action: HandlerActionView['action'], overrides: Partial<HandlerActionView> = {}): HandlerActionView {
  return { locale, caseId: CASE_ID, reference: REFERENCE, action, errors: {}, ...overrides };
}

/** A notice for a named reporter (reference, case id) or an anonymous one (neither). */
export function reporterNoticeView(locale: Locale, event: ReporterNoticeView['event'], anonymous: boolean): ReporterNoticeView {
  return anonymous
    ? { locale, event, anonymous: true, role: event === 'reassigned' ? 'meldpunt' : undefined }
    : { locale, event, anonymous: false, reference: REFERENCE, caseId: CASE_ID, role: event === 'reassigned' ? 'vertrouwenspersoon' : undefined };
}

/** A named reporter's case dialog, in progress; override what the test is about. */
export function reporterCaseView(locale: Locale, overrides: Partial<ReporterCaseView> = {}): ReporterCaseView {
  return {
    locale,
    caseId: CASE_ID,
    reference: REFERENCE,
    state: 'in_progress',
    messages: SOME_MESSAGES,
    openQuestion: false,
    canWithdraw: true,
    askFeedback: false,
    errors: {},
    ...overrides,
  };
}

/** An anonymous reporter's view: reference and secret, no case id. */
export function anonymousReporterCaseView(locale: Locale, overrides: Partial<ReporterCaseView> = {}): ReporterCaseView {
  return reporterCaseView(locale, { caseId: undefined, secret: SECRET, ...overrides });
}

/** The withdraw confirmation for a named reporter (case id) or an anonymous one (secret). */
export function withdrawView(locale: Locale, anonymous: boolean): WithdrawView {
  return anonymous ? { locale, reference: REFERENCE, secret: SECRET } : { locale, caseId: CASE_ID, reference: REFERENCE };
}

/** The feedback card, not yet answered; override what the test is about. */
export function feedbackView(locale: Locale, overrides: Partial<FeedbackView> = {}): FeedbackView {
  return { locale, caseId: CASE_ID, reference: REFERENCE, answered: false, ...overrides };
}

/** Every case card in its realistic and edge variants, in one language. */
export function caseCards(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (template: string, surface: 'dialog' | 'chat', name: string, card: AdaptiveCard) =>
    cases.push({ name: `${template} ${name} (${locale})`, card, locale, surface, wizard: false, template });

  for (const state of CASE_STATES) {
    for (const identity of IDENTITY_MODES) {
      add('handlerTask', 'chat', `${state}, ${identity}`, renderHandlerTask(handlerTaskView(locale, { state, identity })));
    }
  }
  add(
    'handlerTask',
    'chat',
    'every clock, some overdue, unknown clock',
    renderHandlerTask(
      handlerTaskView(locale, {
        kind: 'complaint',
        role: 'klachtencoordinator',
        deadlines: [
          { labelKey: 'clocks.acknowledge', due: '4 april 2025 om 17:00', overdue: true },
          { labelKey: 'clocks.decision', due: '9 mei 2025 om 17:00', overdue: false },
          { labelKey: 'clocks.feedback', due: '1 juli 2025 om 17:00', overdue: false },
          { labelKey: 'clocks.contact', due: '2 april 2025 om 17:00', overdue: true },
          { labelKey: 'clocks.firstUpdate', due: '11 april 2025 om 17:00', overdue: false },
          { labelKey: 'clocks.nope', due: '12 april 2025 om 17:00', overdue: false },
        ],
      }),
    ),
  );
  add('handlerTask', 'chat', 'no deadlines, line manager', renderHandlerTask(handlerTaskView(locale, { role: 'line_manager', identity: 'named', deadlines: [], state: 'in_progress' })));
  add('handlerTask', 'chat', 'not for you', renderHandlerTask(handlerTaskView(locale, { notForYou: true, doneKey: 'handler.done.acknowledged' })));
  for (const state of CASE_STATES) {
    add('handlerTask', 'chat', `complaint, ${state}`, renderHandlerTask(handlerTaskView(locale, { kind: 'complaint', identity: 'named', role: 'klachtencoordinator', state })));
  }
  for (const done of [
    'acknowledged',
    'updateSent',
    'questionSent',
    'reassigned',
    'closed',
    'extended',
    'extensionConsentAsked',
    'identityRequested',
    'news.answered',
    'news.extensionConsented',
    'news.identityAccepted',
    'news.identityRefused',
    'no.such.key',
  ]) {
    const doneKey = done.startsWith('news.') ? `handler.${done}` : `handler.done.${done}`;
    add('handlerTask', 'chat', `done ${done}`, renderHandlerTask(handlerTaskView(locale, { state: done === 'closed' ? 'closed' : 'in_progress', doneKey })));
  }

  add('caseDetails', 'dialog', 'named, realistic', renderCaseDetails(caseDetailsView(locale)));
  add(
    'caseDetails',
    'dialog',
    'confidential, nothing optional, no messages or history',
    renderCaseDetails(
      caseDetailsView(locale, {
        identity: 'confidential',
        reporterName: undefined,
        involved: undefined,
        incidentDate: undefined,
        location: undefined,
        categories: [],
        messages: [],
        history: [],
        routingReasonKey: 'routing.r4_not_named',
      }),
    ),
  );
  for (const identityRequest of ['available', 'pending'] as const) {
    add('caseDetails', 'dialog', `confidential, identity ${identityRequest}`, renderCaseDetails(caseDetailsView(locale, { identity: 'confidential', reporterName: undefined, identityRequest })));
  }
  add('caseDetails', 'dialog', 'confidential, identity disclosed', renderCaseDetails(caseDetailsView(locale, { identity: 'confidential', identityRequest: 'disclosed' })));
  add('caseDetails', 'dialog', 'anonymous, danger, closed', renderCaseDetails(caseDetailsView(locale, { identity: 'anonymous', reporterName: undefined, immediateDanger: true, state: 'closed' })));
  add('caseDetails', 'dialog', 'unknown routing and history keys', renderCaseDetails(caseDetailsView(locale, { routingReasonKey: 'routing.nope', history: [{ at: 'x', eventKey: 'nope' }] })));
  add('caseDetails', 'dialog', 'worst case', renderCaseDetails(worstCaseDetailsView(locale)));

  for (const action of HANDLER_ACTIONS) {
    add('handlerAction', 'dialog', `${action}, empty`, renderHandlerAction(handlerActionView(locale, action)));
    add(
      'handlerAction',
      'dialog',
      `${action}, longest message and every error`,
      renderHandlerAction(
        handlerActionView(locale, action, {
          message: LONGEST_MESSAGE,
          targetRole: action === 'reassign' ? 'vertrouwenspersoon' : undefined,
          outcome: action === 'close' ? 'referred' : undefined,
          days: action === 'extend' ? '40' : undefined,
          currentDue: action === 'extend' ? '9 mei 2025 om 23:59' : undefined,
          errors: { message: 'tooLong', targetRole: 'pickRole', outcome: 'pickOutcome', days: 'daysOutOfRange' },
        }),
      ),
    );
  }

  add('handlerAction', 'dialog', 'extend, current date as ISO, days typed', renderHandlerAction(handlerActionView(locale, 'extend', { currentDue: '2025-05-09', days: '14' })));
  add('handlerAction', 'dialog', 'extend, days not a number', renderHandlerAction(handlerActionView(locale, 'extend', { days: 'veertien', errors: { days: 'daysOutOfRange', message: 'reasonRequired' } })));

  for (const event of NOTICE_EVENTS) {
    add('reporterNotice', 'chat', `${event}, named`, renderReporterNotice(reporterNoticeView(locale, event, false)));
    add('reporterNotice', 'chat', `${event}, anonymous`, renderReporterNotice(reporterNoticeView(locale, event, true)));
  }
  add('reporterNotice', 'chat', 'reassigned without a role', renderReporterNotice({ locale, event: 'reassigned', anonymous: false, reference: REFERENCE, caseId: CASE_ID }));

  add('reporterCase', 'dialog', 'named, in progress', renderReporterCase(reporterCaseView(locale)));
  add('reporterCase', 'dialog', 'named, open question, error', renderReporterCase(reporterCaseView(locale, { openQuestion: true, errors: { answer: 'messageRequired' } })));
  add('reporterCase', 'dialog', 'anonymous, sent', renderReporterCase(anonymousReporterCaseView(locale, { doneKey: 'reporter.sent', messages: [] })));
  add(
    'reporterCase',
    'dialog',
    'anonymous, closed, feedback with errors',
    renderReporterCase(
      anonymousReporterCaseView(locale, { state: 'closed', canWithdraw: false, askFeedback: true, errors: { takenSeriously: 'pickOneToFive', wouldReportAgain: 'pickOneToFive' } }),
    ),
  );
  add('reporterCase', 'dialog', 'confidential, identity requested', renderReporterCase(reporterCaseView(locale, { identityRequestPending: true })));
  add(
    'reporterCase',
    'dialog',
    'confidential, identity requested, open question, answer refused',
    renderReporterCase(reporterCaseView(locale, { identityRequestPending: true, openQuestion: true, errors: { identityAnswer: 'notAllowed', answer: 'messageRequired' } })),
  );
  add('reporterCase', 'dialog', 'confidential, identity accepted', renderReporterCase(reporterCaseView(locale, { doneKey: 'reporter.identityAccepted' })));
  add('reporterCase', 'dialog', 'named, closed, feedback given', renderReporterCase(reporterCaseView(locale, { state: 'closed', canWithdraw: false })));
  add('reporterCase', 'dialog', 'worst case', renderReporterCase(anonymousReporterCaseView(locale, { messages: manyMessages(20), openQuestion: true, errors: { answer: 'tooLong' } })));

  add('withdraw', 'dialog', 'named', renderWithdraw(withdrawView(locale, false)));
  add('withdraw', 'dialog', 'anonymous', renderWithdraw(withdrawView(locale, true)));

  add('feedback', 'chat', 'open', renderFeedback(feedbackView(locale)));
  add('feedback', 'chat', 'with errors', renderFeedback(feedbackView(locale, { errors: { takenSeriously: 'pickOneToFive', wouldReportAgain: 'invalidValue' } })));
  add('feedback', 'chat', 'answered', renderFeedback(feedbackView(locale, { answered: true })));
  return cases;
}
