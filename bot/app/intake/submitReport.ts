import { formatCaseReference } from '../../domain/caseReference';
import type { Locale } from '../../domain/locale';
import type { CompleteReport } from '../../domain/report';
import { caseIdForSubmission } from './caseIdForSubmission';
import { caseReceipt, type CaseReceipt } from './caseReceipt';
import type { IntakeDependencies, Reporter } from './intakeDependencies';
import { assignCase } from '../cases/assignCase';
import { startCaseClocks } from '../deadlines/caseClockUpdates';
import type { CaseRecord, SealedCaseContent } from '../cases/casePorts';
import { routeReport } from '../../domain/routeReport';
import { storeNewCase } from './storeNewCase';

const REFERENCE_ATTEMPTS = 5;

/**
 * Stores a complete report as a case, before anything is confirmed to the reporter.
 *
 * The same submission delivered twice (Teams retries invokes) yields the same case: its id is
 * derived from the submission id. Content is sealed; for an anonymous report nothing that
 * identifies the reporter is stored with the case — the address to reach them is sealed under
 * its own key in a separate record, found only through a random relay id.
 */
export async function submitReport(
  deps: IntakeDependencies,
  reporter: Reporter,
  submission: { submissionId: string; locale: Locale; report: CompleteReport },
): Promise<CaseReceipt> {
  const { report } = submission;
  const id = caseIdForSubmission(submission.submissionId);
  const existing = await deps.repos.cases.get(id);
  if (existing) return caseReceipt(existing.value, deps.pseudonyms, { duplicate: true, immediateDanger: report.immediateDanger === true });

  const now = deps.clock.now();
  const routing = await routeReport(
    { report, reporterId: reporter.userId, centralUnitId: deps.settings.centralUnitId, caseId: id },
    deps.directory,
  );
  const reporterUnit = await deps.directory.unitOf(reporter.userId);
  const record: CaseRecord = {
    id,
    reference: await uniqueReference(deps),
    kind: report.kind,
    categories: report.categories,
    identity: report.identity,
    managerInvolved: report.managerInvolved,
    preferMeldpunt: report.preferMeldpunt === true,
    state: 'submitted',
    locale: submission.locale,
    receivedAt: now.toISOString(),
    sealedContent: deps.cipher.seal(
      'content',
      {
        involved: report.involved,
        incidentDate: report.incidentDate,
        location: report.location,
        description: report.description,
        wantsCounsellorContact: report.wantsCounsellorContact === true,
        immediateDanger: report.immediateDanger === true,
      } satisfies SealedCaseContent,
      id,
    ),
    routing: { role: routing.role, rule: routing.rule, ...(routing.fallback ? { fallback: routing.fallback } : {}) },
    unitId: reporterUnit?.id ?? deps.settings.centralUnitId,
    // An anonymous case keeps no trace of its reporter, not even as one of the excluded: routing
    // kept them from handling it; after that, no answer may depend on who they are.
    exclusionMarks: deps.exclusions.mark(id, report.identity === 'anonymous' ? routing.excluded.filter((personId) => personId !== reporter.userId) : routing.excluded),
    isOpen: true,
    // The history below goes to the audit record with the first flush (or the timer's, after a crash).
    auditedCount: 0,
    auditPending: true,
    history: [
      { at: now.toISOString(), actor: 'reporter', type: 'submitted' },
      { at: now.toISOString(), actor: 'system', type: 'routed', detail: { role: routing.role, rule: routing.rule, ...(routing.fallback ? { fallback: routing.fallback } : {}) } },
    ],
  };
  startCaseClocks(deps, record, now);
  // What the reporter is promised comes from the same clocks that drive reminders and escalation:
  // the earliest deadline that runs from receipt (e.g. the acknowledgement).
  record.firstResponseDueAt = (record.clocks ?? [])
    .filter((clock) => clock.startedAt <= now.toISOString())
    .map((clock) => clock.dueAt)
    .sort()[0];
  await assignCase(deps, record, routing, now, { type: 'assigned', actor: 'system' });

  const stored = await storeNewCase(deps, record, reporter, now);
  // The same submission won a race on another instance: answer with that case.
  if (stored.duplicate) return caseReceipt(stored.record, deps.pseudonyms, { duplicate: true, immediateDanger: report.immediateDanger === true });
  deps.logger.info('case.submitted', { route: routing.role, rule: routing.rule, kind: report.kind, identity: report.identity });
  return caseReceipt(record, deps.pseudonyms, { duplicate: false, immediateDanger: report.immediateDanger === true });
}

/** A case reference no stored case has yet. */
export async function uniqueReference(deps: Pick<IntakeDependencies, 'randomBytes' | 'repos'>): Promise<string> {
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
    const reference = formatCaseReference(deps.randomBytes(8));
    if (!(await deps.repos.cases.findByReference(reference))) return reference;
  }
  throw new Error('no free case reference after several attempts');
}
