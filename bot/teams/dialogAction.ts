import { z } from 'zod';
import { isCaseReference } from '../domain/caseReference';
import { INSIGHTS_PERIODS } from '../domain/insights/insightsPeriod';
import { WIZARD_STEPS } from '../domain/report';
import { opaqueIdSchema } from './opaqueIdSchema';

const dialogActionSchema = z.object({
  dialog: z
    .enum(['wizard', 'anonymousStatus', 'caseDetails', 'caseUpdate', 'caseQuestion', 'caseReassign', 'caseClose', 'caseMessages', 'caseWithdraw', 'caseExtend', 'caseIdentity', 'handover', 'auditExport', 'insights', 'checkIn', 'lessonReview'])
    .optional(),
  nav: z.enum(['next', 'back', 'stop', 'goto', 'submit', 'close', 'restart', 'checkStatus', 'resume']),
  draftId: z.string().max(64).optional(),
  step: z.enum(WIZARD_STEPS).optional(),
  goto: z.enum(WIZARD_STEPS).optional(),
  // A wizard step opened with "Wijzig" on the review returns there; any other value is ignored.
  returnTo: z.string().max(20).optional().transform((value) => (value === 'review' ? ('review' as const) : undefined)),
  submissionId: z.string().max(64).optional(),
  caseId: opaqueIdSchema.optional(),
  reference: z.string().max(100).optional(),
  secret: z.string().max(100).optional(),
  // The insights dialog's period buttons.
  period: z.enum(INSIGHTS_PERIODS).optional(),
  // The lesson review's buttons: the lesson decided on.
  lessonId: opaqueIdSchema.optional(),
})
  // The audit export's reference comes from a card the bot made: anything but a well-formed reference is dropped (and the dialog refuses).
  .transform((action) => (action.dialog === 'auditExport' && !isCaseReference(action.reference) ? { ...action, reference: undefined } : action));

export type ParsedDialogAction = z.infer<typeof dialogActionSchema>;

/**
 * Reads what a dialog card sent: the `vm` action (validated) and the other fields as inputs.
 * Returns a copy: the incoming data is never changed, and keys that could reach an object's
 * prototype are dropped.
 */
export function readDialogSubmit(value: unknown): { action?: ParsedDialogAction; inputs: Record<string, unknown> } {
  const data = isRecord(value) && isRecord(value.data) ? value.data : {};
  const parsed = dialogActionSchema.safeParse(data.vm);
  const inputs: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(data)) {
    if (key === 'vm' || key === 'msteams' || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    inputs[key] = item;
  }
  return { action: parsed.success ? parsed.data : undefined, inputs };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
