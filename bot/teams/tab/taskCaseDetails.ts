import type { CaseDetails } from '../../app/cases/openCaseDetails';
import type { CaseMessage } from '../../app/cases/casePorts';

/**
 * What the tab shows the assigned handler of a case when they open it from "Mijn taken": what the
 * case dialog shows (bot/teams/caseDialogs.ts), as JSON. The history names no one: who did a step
 * is a pseudonym in the store and is left out here, as the dialog does.
 */
export interface TaskCaseDetails {
  caseId: string;
  reference: string;
  kind: string;
  identity: string;
  state: string;
  categories: string[];
  receivedAt: string;
  /** Named reports; a confidential one only when the reporter agreed that this handler may know. */
  reporterName?: string;
  /** Confidential reports: whether this handler may ask who reported, waits for the answer, or was told. */
  identityRequest?: 'available' | 'pending' | 'disclosed';
  involved?: string;
  incidentDate?: string;
  location?: string;
  description: string;
  wantsCounsellorContact: boolean;
  immediateDanger: boolean;
  /** Why the case came to this role (a key under `routing.`). */
  routingRule: string;
  messages: CaseMessage[];
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
