/** What identifies a case in a reporter's dialog buttons. */
export interface ReporterCaseKeys {
  caseId?: string;
  reference: string;
  secret?: string;
}

/**
 * The keys a reporter's dialog button sends back: `caseId` (named/confidential) and `secret`
 * (anonymous) only when given, so the bot never receives an empty id or code; `reference` always.
 */
export function reporterCaseKeys(view: { caseId?: string; reference: string; secret?: string }): ReporterCaseKeys {
  return {
    ...(view.caseId ? { caseId: view.caseId } : {}),
    reference: view.reference,
    ...(view.secret ? { secret: view.secret } : {}),
  };
}
