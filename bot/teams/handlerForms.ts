import { z } from 'zod';
import { closeCase } from '../app/cases/closeCase';
import { extendComplaintDecision, type ExtensionOutcome } from '../app/cases/extendComplaintDecision';
import type { HandlerFormName } from '../app/cases/openHandlerForm';
import { reassignCase } from '../app/cases/reassignCase';
import { requestReporterIdentity } from '../app/cases/requestReporterIdentity';
import { sendCaseMessage } from '../app/cases/sendCaseMessage';
import type { CaseDependencies } from '../app/intake/intakeDependencies';
import { HANDLER_OUTCOMES } from '../domain/caseLifecycle';
import { caseMessageText, identityReasonText } from '../domain/caseMessageText';
import { REASSIGN_ROLES } from '../domain/chooseRoute';
import { optionalLessonText } from '../domain/lessons/lesson';
import { CATEGORIES } from '../domain/report';
import { parseForm } from './parseForm';

/** Days typed in the postponement form (`Input.Number` sends a string): a whole number from 1 to 999. */
const extensionDays = z
  .union([z.number(), z.string()], { error: 'daysOutOfRange' })
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(/^\d{1,3}$/, { error: 'daysOutOfRange' }).transform(Number).pipe(z.number().min(1, { error: 'daysOutOfRange' })));

/**
 * What each handler form sends, by input id, as its use case takes it (the case id comes from
 * the dialog's action). Issue messages are locale keys under `validation.`; see parseForm.
 */
export const HANDLER_FORM_INPUTS = {
  update: z.object({ message: caseMessageText }),
  question: z.object({ message: caseMessageText }),
  reassign: z.object({ targetRole: z.enum(REASSIGN_ROLES, { error: 'pickRole' }), message: caseMessageText }),
  close: z
    .object({
      outcome: z.enum(HANDLER_OUTCOMES, { error: 'pickOutcome' }),
      message: caseMessageText,
      // Optional: a lesson for the team agenda (issue 15); its category and unit level only matter when there is a text.
      lessonText: optionalLessonText.optional(),
      lessonCategory: z.union([z.enum(CATEGORIES), z.literal('')], { error: 'invalidChoice' }).optional(),
      lessonUnit: z.string({ error: 'invalidChoice' }).max(100, { error: 'invalidChoice' }).optional(),
    })
    .superRefine((form, context) => {
      if (!form.lessonText) return;
      if (!form.lessonCategory) context.addIssue({ code: 'custom', path: ['lessonCategory'], message: 'pickCategory' });
      if (!form.lessonUnit) context.addIssue({ code: 'custom', path: ['lessonUnit'], message: 'pickUnit' });
    })
    .transform(({ outcome, message, lessonText, lessonCategory, lessonUnit }) => ({
      outcome,
      message,
      lesson: lessonText && lessonCategory && lessonUnit ? { text: lessonText, category: lessonCategory, unitId: lessonUnit } : undefined,
    })),
  extend: z.object({ days: extensionDays, message: caseMessageText }),
  identity: z.object({ message: identityReasonText }),
} as const;

/** What a handler form did, as the confirmation's key under `handler.done.` (the dialog and the tab say the same). */
export type HandlerFormDone = 'updateSent' | 'questionSent' | 'reassigned' | 'closed' | 'extended' | 'extensionConsentAsked' | 'identityRequested';

const DONE: Record<Exclude<HandlerFormName, 'extend'>, HandlerFormDone> = {
  update: 'updateSent',
  question: 'questionSent',
  reassign: 'reassigned',
  close: 'closed',
  identity: 'identityRequested',
};

/**
 * Parses a handler form (the case dialog's or the tab's: the same inputs) into its use case's
 * command and runs it for the handler. A bad field throws the ValidationError that names it;
 * the postponement says whether it took effect or waits for the complainant's consent.
 */
export async function runHandlerForm(deps: CaseDependencies, form: HandlerFormName, caseId: string, userId: string, inputs: unknown): Promise<{ done: HandlerFormDone; extension?: ExtensionOutcome }> {
  switch (form) {
    case 'update':
    case 'question': {
      const { message } = parseForm(HANDLER_FORM_INPUTS[form], inputs);
      await sendCaseMessage(deps, { caseId, kind: form, message }, userId);
      break;
    }
    case 'reassign': {
      const { targetRole, message } = parseForm(HANDLER_FORM_INPUTS.reassign, inputs);
      await reassignCase(deps, { caseId, target: { role: targetRole }, reason: message }, userId);
      break;
    }
    case 'close':
      await closeCase(deps, { caseId, ...parseForm(HANDLER_FORM_INPUTS.close, inputs) }, userId);
      break;
    case 'extend': {
      const { days, message } = parseForm(HANDLER_FORM_INPUTS.extend, inputs);
      const extension = await extendComplaintDecision(deps, { caseId, days, reason: message }, userId);
      return { done: extension.status === 'consent_requested' ? 'extensionConsentAsked' : 'extended', extension };
    }
    case 'identity': {
      const { message } = parseForm(HANDLER_FORM_INPUTS.identity, inputs);
      await requestReporterIdentity(deps, { caseId, reason: message }, userId);
      break;
    }
  }
  return { done: DONE[form] };
}
