import type { CaseDetails } from '../../app/cases/openCaseDetails';
import type { SealedCaseContent } from '../../app/cases/casePorts';
import type { CaseState } from '../../domain/caseLifecycle';
import type { IdentityMode, RequestKind } from '../../domain/report';

/**
 * What the tab shows the assigned handler of a case when they open it from "Mijn taken": what the
 * case dialog shows (bot/teams/caseDialogs.ts), as JSON. The history names no one: who did a step
 * is a pseudonym in the store and is left out here, as the dialog does.
 */
export interface TaskCaseDetails extends SealedCaseContent, Pick<CaseDetails, 'categories' | 'reporterName' | 'identityRequest' | 'messages'> {
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  state: CaseState;
  receivedAt: string;
  /** Why the case came to this role (a key under `routing.`). */
  routingRule: string;
  history: { at: string; type: string }[];
}

/** The dialog's content of a case as the tab's JSON (see openCaseDetails: the reading is already recorded). */
export function taskCaseDetails(details: CaseDetails): TaskCaseDetails {
  const { record } = details;
  return {
    caseId: record.id,
    reference: record.reference,
    kind: record.kind,
    identity: record.identity,
    state: record.state,
    categories: details.categories,
    receivedAt: record.receivedAt,
    ...(details.reporterName ? { reporterName: details.reporterName } : {}),
    ...(details.identityRequest ? { identityRequest: details.identityRequest } : {}),
    ...(details.involved ? { involved: details.involved } : {}),
    ...(details.incidentDate ? { incidentDate: details.incidentDate } : {}),
    ...(details.location ? { location: details.location } : {}),
    description: details.description,
    wantsCounsellorContact: details.wantsCounsellorContact,
    immediateDanger: details.immediateDanger,
    routingRule: record.routing?.rule ?? 'r8_line',
    messages: details.messages.map(({ from, kind, at, text }) => ({ from, kind, at, text })),
    history: details.history.map(({ at, type }) => ({ at, type })),
  };
}
