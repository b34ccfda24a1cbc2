/**
 * Realistic and edge-case views for every card, and every card rendered from them in both
 * languages: the input of the tests that must hold for all cards.
 */
import { LOCALES, type Locale } from '../../bot/domain/locale';
import { loadHelpContacts } from '../../bot/help/loadHelpContacts';
import { CATEGORIES, REQUEST_KINDS, WIZARD_STEPS, type ReportAnswers, type WizardStep } from '../../bot/domain/report';
import { CASE_STATES } from '../../bot/domain/caseLifecycle';
import { renderAnonymousStatus } from '../../cards/anonymousStatus';
import { renderChatReceipt } from '../../cards/chatReceipt';
import { renderDangerHelp } from '../../cards/dangerHelp';
import { renderDialogReceipt } from '../../cards/dialogReceipt';
import { renderError } from '../../cards/error';
import { renderMyCases } from '../../cards/myCases';
import { renderNotice } from '../../cards/notice';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { WizardStepView } from '../../cards/wizardStep';
import { renderWelcome } from '../../cards/welcome';
import { renderWizardReview } from '../../cards/wizardReview';
import { renderWizardStep } from '../../cards/wizardStep';
import { caseCards } from './caseCardViews';
import { deadlineCards } from './deadlineCardViews';
import { auditExportCards } from './auditExportCardViews';
import { insightsCards } from './insightsCardViews';
import { handoverCards } from './handoverCardViews';
import { aftercareCards } from './aftercareCardViews';
import { lessonCards } from './lessonCardViews';

export type InputStep = Exclude<WizardStep, 'review'>;

export const INPUT_STEPS = WIZARD_STEPS.filter((step): step is InputStep => step !== 'review');

export const DRAFT_ID = 'draft-6f1c2a9e';

export const SUBMISSION_ID = 'sub-91b7d3';

/** A description at the maximum length, Dutch with accents and line breaks (more bytes than characters). */
export const LONGEST_DESCRIPTION = 'Tijdens de oefening op de heide zei hij ‘dat meisjes hier niets te zoeken hebben’ en duwde hij me opzij.\n'
  .repeat(100)
  .slice(0, 10_000);

/** Answers as a reporter might give them, every field set. */
export const FULL_ANSWERS: ReportAnswers = {
  categories: ['bullying', 'sexual_harassment'],
  kind: 'report',
  preferMeldpunt: true,
  identity: 'confidential',
  involved: 'Mijn groepscommandant (sgt.) en twee collega’s uit het 2e peloton',
  managerInvolved: 'yes',
  incidentDate: '2025-03-14',
  location: 'Legerplaats Oirschot, legering gebouw 12',
  description: 'Na het appèl werd ik weer uitgelachen om mijn accent.\nDit gebeurt al weken, ook in de groepsapp.',
  wantsCounsellorContact: true,
  immediateDanger: false,
};

/** The answers with the longest texts the bot accepts. */
export const LONGEST_ANSWERS: ReportAnswers = {
  ...FULL_ANSWERS,
  categories: [...CATEGORIES],
  involved: 'é'.repeat(2_000),
  location: 'ë'.repeat(2_000),
  description: LONGEST_DESCRIPTION,
};

/** A validation key under `validation.` for every field, as the bot would set after a failed Next. */
export const ERRORS_FOR_EVERY_FIELD: WizardStepView['errors'] = {
  categories: 'pickAtLeastOneCategory',
  kind: 'required',
  preferMeldpunt: 'invalidValue',
  identity: 'complaintNotAnonymous',
  involved: 'tooLong',
  managerInvolved: 'required',
  incidentDate: 'dateInFuture',
  location: 'tooLong',
  description: 'required',
  wantsCounsellorContact: 'invalidValue',
  immediateDanger: 'invalidValue',
};

/** A wizard step view with defaults; override what the test is about. */
/** The demo organisation's help file (config/help.demo.json). */
export const DEMO_HELP = loadHelpContacts(`${__dirname}/../../config/help.demo.json`);

export function stepView(step: InputStep, locale: Locale, overrides: Partial<WizardStepView> = {}): WizardStepView {
  return {
    locale,
    draftId: DRAFT_ID,
    step,
    stepNumber: WIZARD_STEPS.indexOf(step) + 1,
    totalSteps: WIZARD_STEPS.length,
    answers: {},
    errors: {},
    showDangerHelp: false,
    resumed: false,
    ...overrides,
  };
}

/** One rendered card and what it is. */
export interface RenderedCase {
  name: string;
  card: AdaptiveCard;
  locale: Locale;
  /** Where the card is shown: chat messages are kept by Teams, dialogs are not. */
  surface: 'dialog' | 'chat';
  wizard: boolean;
  /** The template it was rendered from, where a rule depends on the card (e.g. the one chat card with inputs). */
  template?: string;
}

function wizardCases(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (name: string, card: AdaptiveCard) => cases.push({ name: `${name} (${locale})`, card, locale, surface: 'dialog', wizard: true });
  for (const step of INPUT_STEPS) {
    add(`wizardStep ${step}, empty answers`, renderWizardStep(stepView(step, locale)));
    add(`wizardStep ${step}, full answers`, renderWizardStep(stepView(step, locale, { answers: FULL_ANSWERS })));
    add(`wizardStep ${step}, longest answers`, renderWizardStep(stepView(step, locale, { answers: LONGEST_ANSWERS })));
    add(`wizardStep ${step}, every error set`, renderWizardStep(stepView(step, locale, { answers: FULL_ANSWERS, errors: ERRORS_FOR_EVERY_FIELD })));
    add(`wizardStep ${step}, resumed with danger help`, renderWizardStep(stepView(step, locale, { resumed: true, showDangerHelp: true })));
    add(`wizardStep ${step}, opened from the review`, renderWizardStep(stepView(step, locale, { answers: FULL_ANSWERS, returnTo: 'review' })));
    add(
      `wizardStep ${step}, anonymous`,
      renderWizardStep(stepView(step, locale, { answers: { ...FULL_ANSWERS, identity: 'anonymous', kind: 'advice' } })),
    );
  }
  const review = { locale, draftId: DRAFT_ID, submissionId: SUBMISSION_ID, stepNumber: 7, totalSteps: 7 };
  add('wizardReview, empty answers', renderWizardReview({ ...review, answers: {} }));
  add('wizardReview, full answers', renderWizardReview({ ...review, answers: FULL_ANSWERS }));
  add('wizardReview, longest answers', renderWizardReview({ ...review, answers: LONGEST_ANSWERS }));
  add('wizardReview, missing answer', renderWizardReview({ ...review, answers: { ...FULL_ANSWERS, kind: undefined }, error: { key: 'required', step: 'want' } }));
  return cases;
}

function dialogCases(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (name: string, card: AdaptiveCard) => cases.push({ name: `${name} (${locale})`, card, locale, surface: 'dialog', wizard: false });
  const receipt = {
    locale,
    reference: 'VM-7K3Q-9DX2',
    nextStepBy: '2 april 2025 om 17:00',
    immediateDanger: false,
    showPoliceAdvice: false,
    duplicate: false,
    route: 'line_manager' as const,
    nextDeadline: { clock: 'acknowledge' as const, due: '2 april 2025 om 17:00' },
  };
  const ROUTE_OF_KIND = { advice: 'vertrouwenspersoon', report: 'line_manager', complaint: 'klachtencoordinator', mediation: 'ago' } as const;
  for (const kind of REQUEST_KINDS) {
    add(`dialogReceipt ${kind}, named`, renderDialogReceipt({ ...receipt, kind, identity: 'named', route: ROUTE_OF_KIND[kind] }));
  }
  add('dialogReceipt to the safety officer, no deadline', renderDialogReceipt({ ...receipt, kind: 'report', identity: 'named', route: 'veiligheidsfunctionaris', nextDeadline: undefined }));
  add(
    'dialogReceipt anonymous with secret, danger and police advice',
    renderDialogReceipt({ ...receipt, kind: 'report', identity: 'anonymous', route: 'meldpunt', secret: 'K7QX-M3TP-9HDA-RW4C', immediateDanger: true, showPoliceAdvice: true }),
  );
  add('dialogReceipt anonymous duplicate without secret', renderDialogReceipt({ ...receipt, kind: 'report', identity: 'anonymous', duplicate: true }));
  add('dialogReceipt confidential complaint', renderDialogReceipt({ ...receipt, kind: 'complaint', identity: 'confidential', showPoliceAdvice: true }));
  add('dangerHelp', renderDangerHelp({ locale, draftId: DRAFT_ID }));
  add('dangerHelp, the demo organisation\'s help file', renderDangerHelp({ locale, draftId: DRAFT_ID, help: DEMO_HELP }));
  add('dialogReceipt, danger with the demo help file', renderDialogReceipt({ ...receipt, kind: 'report', identity: 'named', immediateDanger: true, help: DEMO_HELP }));
  add('anonymousStatus, empty form', renderAnonymousStatus({ locale }));
  add('anonymousStatus, wrong secret', renderAnonymousStatus({ locale, reference: 'VM-7K3Q-9DX2', error: 'referenceOrSecretWrong' }));
  add('anonymousStatus, nothing typed', renderAnonymousStatus({ locale, reference: '', error: 'required' }));
  for (const state of CASE_STATES) {
    add(
      `anonymousStatus, result ${state}`,
      renderAnonymousStatus({ locale, result: { reference: 'VM-7K3Q-9DX2', kind: 'report', state, receivedOn: '2025-03-28' } }),
    );
  }
  return cases;
}

function chatCases(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (name: string, card: AdaptiveCard) => cases.push({ name: `${name} (${locale})`, card, locale, surface: 'chat', wizard: false });
  add('welcome, no draft', renderWelcome({ locale, hasDraft: false }));
  add('welcome, with draft', renderWelcome({ locale, hasDraft: true }));
  for (const kind of REQUEST_KINDS) {
    add(`chatReceipt ${kind}`, renderChatReceipt({ locale, reference: 'VM-7K3Q-9DX2', kind, nextStepBy: '2 april 2025 om 17:00', route: 'meldpunt', nextDeadline: { clock: 'acknowledge', due: '2 april 2025 om 17:00' } }));
  }
  add('myCases, none', renderMyCases({ locale, cases: [], more: false }));
  add(
    'myCases, one in every state',
    renderMyCases({
      locale,
      cases: CASE_STATES.map((state, i) => ({
        caseId: `case-${i}`,
        route: 'line_manager' as const,
        reference: `VM-7K3Q-9DX${i + 3}`,
        kind: REQUEST_KINDS[i % REQUEST_KINDS.length],
        state,
        receivedOn: '2025-03-28',
        nextDeadline: state === 'closed' ? undefined : { clock: 'firstUpdate' as const, due: '2 april 2025' },
      })),
      more: false,
    }),
  );
  add(
    'myCases, a full page and more',
    renderMyCases({
      locale,
      cases: Array.from({ length: 25 }, (_, i) => ({
        caseId: `case-${i}`,
        route: 'klachtencoordinator' as const,
        reference: `VM-7K3Q-${String(1000 + i)}`,
        kind: 'complaint' as const,
        state: 'in_progress' as const,
        receivedOn: '28 maart 2025',
        nextDeadline: { clock: 'decision' as const, due: '9 mei 2025' },
      })),
      more: true,
    }),
  );
  add('notice draftKept', renderNotice({ locale, titleKey: 'notices.draftKept.title', textKey: 'notices.draftKept.text', offerReport: true }));
  add('notice draftDeleted', renderNotice({ locale, titleKey: 'notices.draftDeleted.title', textKey: 'notices.draftDeleted.text' }));
  add('notice nothingFound', renderNotice({ locale, titleKey: 'notices.nothingFound.title', textKey: 'notices.nothingFound.text', offerReport: false }));
  add('notice fileNotTaken', renderNotice({ locale, titleKey: 'notices.fileNotTaken.title', textKey: 'notices.fileNotTaken.text', offerReport: true }));
  add('notice nothingKept', renderNotice({ locale, titleKey: 'notices.nothingKept.title', textKey: 'notices.nothingKept.text' }));
  add('notice notInChat', renderNotice({ locale, titleKey: 'notices.notInChat.title', textKey: 'notices.notInChat.text', offerReport: true }));
  add('notice usePersonalChat', renderNotice({ locale, titleKey: 'notices.usePersonalChat.title', textKey: 'notices.usePersonalChat.text' }));
  add('notice unknown keys', renderNotice({ locale, titleKey: 'notices.nope.title', textKey: 'notices.nope.text' }));
  for (const messageKey of ['generic', 'concurrency', 'notFound', 'forbidden', 'validation', 'draftExpired', 'no.such.key']) {
    add(`error ${messageKey}`, renderError({ locale, messageKey, correlationId: '4f9c0e7a-2b1d-4c8e-9a3f-6d5b7e1c2a90' }));
  }
  return cases;
}

/** Every card in every variant above, in both languages. */
export function everyRenderedCard(): RenderedCase[] {
  return LOCALES.flatMap((locale) => [...wizardCases(locale), ...dialogCases(locale), ...chatCases(locale), ...caseCards(locale), ...deadlineCards(locale), ...handoverCards(locale), ...auditExportCards(locale), ...insightsCards(locale), ...aftercareCards(locale), ...lessonCards(locale)]);
}
