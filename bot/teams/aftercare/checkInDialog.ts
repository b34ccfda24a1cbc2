import type { TurnContext } from '@microsoft/agents-hosting';
import { renderCheckInDialog, type CheckInDialogView } from '../../../cards/checkInDialog';
import { t } from '../../../cards/i18n';
import { answerCheckIn } from '../../app/aftercare/answerCheckIn';
import { CHECK_IN_TEXT_MAX_LENGTH } from '../../domain/aftercare/checkIns';
import { openCheckIn } from '../../app/aftercare/openCheckIn';
import { stopCheckIns } from '../../app/aftercare/stopCheckIns';
import type { ReporterCredentials } from '../../app/cases/caseAccess';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Locale } from '../../domain/locale';
import type { BotServices } from '../botServices';
import type { ParsedDialogAction } from '../dialogAction';
import { receiptCard, sendChatReceipt } from '../wizardDialog';
import { parseForm } from '../parseForm';
import { REPORTER_FORM_INPUTS } from '../reporterForms';
import { dialogCard } from '../invokeResponses';
import type { TurnIdentity } from '../turnIdentity';

const MAX_TYPED = 100;

type Errors = NonNullable<CheckInDialogView['errors']>;

/**
 * `task/fetch` of the aftercare check-in. With a case id (named, confidential): for that case's
 * reporter only. Without (anonymous): the form that asks for reference and secret.
 */
export async function fetchCheckInDialog(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction): Promise<object> {
  if (!action.caseId) return form(services, turn.locale, {});
  const view = await openCheckIn(services, { kind: 'user', userId: turn.reporter.userId, caseId: action.caseId });
  return form(services, turn.locale, { caseId: action.caseId, state: view.stopped ? 'stopped' : 'form' });
}

/** `task/submit`: answer (a retaliation answer opens a new case and shows its receipt) or stop the check-ins. */
export async function submitCheckInDialog(services: BotServices, context: TurnContext, turn: TurnIdentity, action: ParsedDialogAction, inputs: Record<string, unknown>): Promise<object> {
  const { locale } = turn;
  const typed = { answer: typeof inputs.answer === 'string' ? inputs.answer.slice(0, MAX_TYPED) : undefined, text: typeof inputs.text === 'string' ? inputs.text : undefined };
  const again = (errors: Errors, reference?: string) => form(services, locale, { caseId: action.caseId, reference, answer: typed.answer, text: typed.text?.slice(0, CHECK_IN_TEXT_MAX_LENGTH), errors });

  let credentials: ReporterCredentials;
  let attemptKey: string | undefined;
  const reference = typeof inputs.reference === 'string' ? inputs.reference.slice(0, MAX_TYPED) : '';
  if (action.caseId) {
    credentials = { kind: 'user', userId: turn.reporter.userId, caseId: action.caseId };
  } else {
    const secret = typeof inputs.secret === 'string' ? inputs.secret.slice(0, MAX_TYPED) : '';
    if (!reference.trim() || !secret.trim()) return again({ credentials: 'bothRequired' }, reference);
    attemptKey = services.pseudonyms.pseudonym('user', turn.reporter.userId);
    if (await services.secretAttempts.isBlocked(attemptKey)) {
      services.logger.warn('check_in.blocked');
      return again({ credentials: 'tooManyAttempts' }, reference);
    }
    credentials = { kind: 'secret', reference, secret };
  }

  try {
    if (action.nav === 'stop') {
      await stopCheckIns(services, credentials);
      return form(services, locale, { caseId: action.caseId, state: 'stopped' });
    }
    const outcome = await answerCheckIn(services, turn.reporter, credentials, parseForm(REPORTER_FORM_INPUTS.checkIn, typed));
    if (outcome.kind === 'retaliation') {
      // As for any report: the receipt in the dialog, and (named, confidential) in the chat.
      await sendChatReceipt(context, locale, outcome.receipt);
      return dialogCard(t(locale, 'dialog.receiptTitle'), receiptCard(locale, outcome.receipt, services.helpContacts));
    }
    return form(services, locale, { caseId: action.caseId, state: 'answered' });
  } catch (error) {
    if (error instanceof ValidationError) return again(fieldErrors(error), reference);
    // Anonymous: every mismatch of reference and secret is one message, and counts as a guess.
    if (attemptKey && error instanceof NotFoundError) {
      await services.secretAttempts.recordFailure(attemptKey);
      return again({ credentials: 'referenceOrSecretWrong' }, reference);
    }
    throw error;
  }
}

function form(services: BotServices, locale: Locale, view: Partial<CheckInDialogView>): object {
  return dialogCard(t(locale, 'aftercare.dialog.title'), renderCheckInDialog({ state: 'form', ...view, locale, help: services.helpContacts }));
}

function fieldErrors(error: ValidationError): Errors {
  return {
    ...(error.fields.answer ? { answer: 'pickCheckInAnswer' as const } : {}),
    ...(error.fields.text ? { text: 'checkInTextTooLong' as const } : {}),
  };
}
