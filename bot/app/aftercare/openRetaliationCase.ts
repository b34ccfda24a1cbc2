import { routeReport } from '../../domain/routeReport';
import { assignCase } from '../cases/assignCase';
import { isExcludedFromCase } from '../cases/caseAccess';
import { startCaseClocks } from '../deadlines/caseClockUpdates';
import { caseIdForSubmission } from '../intake/caseIdForSubmission';
import { openHandler } from '../cases/caseParties';
import { caseReceipt, type CaseReceipt } from '../intake/caseReceipt';
import type { IntakeDependencies, Reporter } from '../intake/intakeDependencies';
import type { CaseRecord, SealedCaseContent } from '../cases/casePorts';
import { storeNewCase } from '../intake/storeNewCase';
import { uniqueReference } from '../intake/submitReport';

/**
 * A reporter answered a check-in with "I experienced negative consequences": a new case of its
 * own kind (benadeling), linked to the first, as a melding with the first case's identity and
 * categories, routed by the same rules — but never to the first case's handler, anyone in that
 * handler's line, or anyone excluded from the first case (its marks stay with the new case). It
 * gets its own clocks and handler task; the reporter gets the receipt as for any report.
 *
 * The "who was involved" answer of the first case is carried over (sealed), so that routing and
 * every later handover keep away from the people it names. The same check-in answered twice
 * (Teams retries) gives the same case: its id comes from the first case and the check-in number.
 */
export async function openRetaliationCase(
  deps: IntakeDependencies,
  reporter: Reporter,
  first: CaseRecord,
  text: string | undefined,
): Promise<CaseReceipt> {
  const id = caseIdForSubmission(`retaliation:${first.id}:${first.aftercare?.sent ?? 0}`);
  const existing = await deps.repos.cases.get(id);
  if (existing) return caseReceipt(existing.value, deps.pseudonyms, { duplicate: true, immediateDanger: false });

  const now = deps.clock.now();
  const firstContent = deps.cipher.open<SealedCaseContent>('content', first.sealedContent, first.id);
  const firstHandler = openHandler(deps, first);
  const handlerLine = firstHandler ? [firstHandler.userId, ...(await deps.directory.managerChain(firstHandler.userId)).map((manager) => manager.aadObjectId)] : [];
  const report = {
    kind: 'report' as const,
    identity: first.identity,
    managerInvolved: first.managerInvolved,
    categories: first.categories,
    preferMeldpunt: first.preferMeldpunt,
    involved: firstContent.involved,
  };
  const routing = await routeReport(
    {
      report,
      reporterId: reporter.userId,
      centralUnitId: deps.settings.centralUnitId,
      caseId: id,
      alsoExcluded: handlerLine,
      isExcluded: (personId) => isExcludedFromCase(deps, first, personId),
    },
    deps.directory,
  );
  const at = now.toISOString();
  const record: CaseRecord = {
    id,
    reference: await uniqueReference(deps),
    kind: 'report',
    categories: first.categories,
    identity: first.identity,
    managerInvolved: first.managerInvolved,
    preferMeldpunt: first.preferMeldpunt,
    state: 'submitted',
    locale: first.locale,
    receivedAt: at,
    sealedContent: deps.cipher.seal(
      'content',
      { involved: firstContent.involved, description: text ?? '', wantsCounsellorContact: false, immediateDanger: false } satisfies SealedCaseContent,
      id,
    ),
    routing: { role: routing.role, rule: routing.rule, ...(routing.fallback ? { fallback: routing.fallback } : {}) },
    unitId: first.unitId ?? deps.settings.centralUnitId,
    exclusionMarks: deps.exclusions.mark(id, first.identity === 'anonymous' ? routing.excluded.filter((personId) => personId !== reporter.userId) : routing.excluded),
    retaliationOf: { caseId: first.id, ...(first.exclusionMarks ? { exclusionMarks: first.exclusionMarks } : {}), ...(first.retaliationOf ? { earlier: first.retaliationOf } : {}) },
    isOpen: true,
    auditedCount: 0,
    auditPending: true,
    history: [
      { at, actor: 'reporter', type: 'submitted', detail: { via: 'check_in' } },
      // What kind of case this is, for its handler (the case record says it with `retaliationOf`).
      { at, actor: 'reporter', type: 'retaliation_reported' },
      { at, actor: 'system', type: 'routed', detail: { role: routing.role, rule: routing.rule, ...(routing.fallback ? { fallback: routing.fallback } : {}) } },
    ],
  };
  startCaseClocks(deps, record, now);
  record.firstResponseDueAt = (record.clocks ?? [])
    .filter((clock) => clock.startedAt <= at)
    .map((clock) => clock.dueAt)
    .sort()[0];
  await assignCase(deps, record, routing, now, { type: 'assigned', actor: 'system' });

  // A relay address of its own for an anonymous reporter (as a new report gets): the first case's may be purged with it.
  const stored = await storeNewCase(deps, record, reporter, now);
  if (stored.duplicate) return caseReceipt(stored.record, deps.pseudonyms, { duplicate: true, immediateDanger: false });
  deps.logger.info('case.retaliation_opened', { route: routing.role, rule: routing.rule, identity: record.identity });
  return caseReceipt(record, deps.pseudonyms, { duplicate: false, immediateDanger: false });
}
