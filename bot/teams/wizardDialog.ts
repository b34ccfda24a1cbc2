import type { TurnContext } from '@microsoft/agents-hosting';
import { renderChatReceipt } from '../../cards/chatReceipt';
import { renderDangerHelp } from '../../cards/dangerHelp';
import { renderDialogReceipt } from '../../cards/dialogReceipt';
import { formatDateTime, t } from '../../cards/i18n';
import { renderWizardReview } from '../../cards/wizardReview';
import { renderWizardStep } from '../../cards/wizardStep';
import type { ReporterDeadlineLine } from '../../cards/reporterDeadlineText';
import type { CaseReceipt } from '../app/intake/caseReceipt';
import { continueWizard, type WizardAction } from '../app/intake/continueWizard';
import { openWizard } from '../app/intake/openWizard';
import { randomId } from '../app/common/randomId';
import type { Locale } from '../domain/locale';
import type { FieldErrors } from '../domain/parseStepInput';
import { WIZARD_STEPS, type ReportAnswers, type WizardStep } from '../domain/report';
import type { BotServices } from './botServices';
import { dialogCard, dialogMessage } from './invokeResponses';
import { sendCard } from './sendCard';
import type { TurnIdentity } from './turnIdentity';

/** `task/fetch` for the report dialog: the reporter's draft where they left it, or a new one. */
export async function fetchWizardDialog(services: BotServices, turn: TurnIdentity): Promise<object> {
  const { draft, resumed } = await openWizard(services, turn.reporter, turn.locale);
  return wizardDialogCard(services, turn.locale, { draftId: draft.draftId, step: draft.step, answers: draft.answers, errors: {}, dangerHelp: false, resumed });
}

/**
 * `task/submit` for the report dialog. The receipt goes to the chat only after the case is
 * stored, and holds the reference, kind and date only: never what the reporter wrote.
 */
export async function submitWizardDialog(
  services: BotServices,
  context: TurnContext,
  turn: TurnIdentity,
  action: WizardAction,
  inputs: Record<string, unknown>,
): Promise<object> {
  const result = await continueWizard(services, turn.reporter, turn.locale, action, inputs);
  switch (result.type) {
    case 'stopped':
      return dialogMessage(t(turn.locale, result.kept ? 'notices.draftKept.text' : 'notices.nothingKept.text'));
    case 'submitted':
      await sendChatReceipt(context, turn.locale, result.receipt);
      return dialogCard(t(turn.locale, 'dialog.receiptTitle'), receiptCard(turn.locale, result.receipt, services.helpContacts));
    case 'step':
      return wizardDialogCard(services, turn.locale, {
        draftId: result.draftId,
        step: result.step,
        answers: result.answers,
        errors: result.errors,
        dangerHelp: result.dangerHelp,
        resumed: false,
        stale: result.stale,
        incomplete: result.incomplete,
        returnTo: result.returnTo,
      });
  }
}

interface StepToShow {
  draftId: string;
  step: WizardStep;
  answers: ReportAnswers;
  errors: FieldErrors;
  dangerHelp: boolean;
  resumed: boolean;
  stale?: boolean;
  incomplete?: { key: string; step: WizardStep };
  returnTo?: 'review';
}

function wizardDialogCard(services: BotServices, locale: Locale, show: StepToShow): object {
  const title = t(locale, 'dialog.wizardTitle');
  const stepNumber = WIZARD_STEPS.indexOf(show.step) + 1;
  const totalSteps = WIZARD_STEPS.length;
  if (show.dangerHelp) return dialogCard(title, renderDangerHelp({ locale, draftId: show.draftId, help: services.helpContacts }));
  if (show.step === 'review') {
    return dialogCard(
      title,
      renderWizardReview({ locale, draftId: show.draftId, submissionId: randomId(services), stepNumber, totalSteps, answers: show.answers, error: show.incomplete }),
    );
  }
  return dialogCard(
    title,
    renderWizardStep({
      locale,
      draftId: show.draftId,
      step: show.step,
      stepNumber,
      totalSteps,
      answers: show.answers,
      errors: show.errors,
      showDangerHelp: false,
      resumed: show.resumed,
      stale: show.stale,
      returnTo: show.returnTo,
    }),
  );
}

/** A stored report's receipt in the dialog: where it went (a role) and by when; the secret once for an anonymous reporter. */
export function receiptCard(locale: Locale, receipt: CaseReceipt, help: BotServices['helpContacts']): object {
  return renderDialogReceipt({
    locale,
    reference: receipt.reference,
    kind: receipt.kind,
    identity: receipt.identity,
    nextStepBy: formatDateTime(receipt.nextStepBy, locale),
    secret: receipt.secret,
    immediateDanger: receipt.immediateDanger,
    showPoliceAdvice: receipt.showPoliceAdvice,
    duplicate: receipt.duplicate,
    route: receipt.route,
    nextDeadline: deadlineLine(locale, receipt),
    help,
  });
}

/**
 * The receipt in the reporter's chat too (reference, kind, when — never content), once: not for a
 * retried submit, and never for an anonymous report, as the reference in this person's chat history
 * (which the tenant can export) would link them to the case.
 */
export async function sendChatReceipt(context: TurnContext, locale: Locale, receipt: CaseReceipt): Promise<void> {
  if (!receipt.duplicate && receipt.identity !== 'anonymous') await sendCard(context, chatReceiptCard(locale, receipt));
}

function chatReceiptCard(locale: Locale, receipt: CaseReceipt): object {
  return renderChatReceipt({
    locale,
    reference: receipt.reference,
    kind: receipt.kind,
    nextStepBy: formatDateTime(receipt.nextStepBy, locale),
    route: receipt.route,
    nextDeadline: deadlineLine(locale, receipt),
  });
}

function deadlineLine(locale: Locale, receipt: CaseReceipt): ReporterDeadlineLine | undefined {
  return receipt.nextDeadline && { clock: receipt.nextDeadline.clock, due: formatDateTime(new Date(receipt.nextDeadline.dueAt), locale) };
}
