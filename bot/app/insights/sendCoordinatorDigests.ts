import { DateTime } from 'luxon';
import { toLocale } from '../../domain/locale';
import { ZONE } from '../../domain/workingCalendar';
import { userRecipient } from '../cases/caseParties';
import { enqueueDirect } from '../outbox/enqueueDirect';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import { teamAgendaCoverage } from '../agenda/teamAgendaCoverage';
import type { UnitCoverage } from '../../domain/agenda/agendaCoverage';

const WEEK_MS = 7 * 86_400_000;

export interface UnitCounts {
  unitId: string;
  open: number;
  dueThisWeek: number;
  overdue: number;
}

/** Counts of one case: open; a running deadline in the coming week; a running deadline passed. */
function countCase(record: CaseRecord, now: number): { dueThisWeek: boolean; overdue: boolean } {
  const running = (record.clocks ?? []).filter((clock) => !clock.stoppedAt && Date.parse(clock.startedAt) <= now);
  return {
    overdue: running.some((clock) => Date.parse(clock.dueAt) < now),
    dueThisWeek: running.some((clock) => Date.parse(clock.dueAt) >= now && Date.parse(clock.dueAt) < now + WEEK_MS),
  };
}

/**
 * The weekly digest: each coordinator gets, for the units they are the nearest coordinator of,
 * the number of open cases, of cases with a deadline this week and of late ones. Counts only,
 * never content. One message per coordinator per ISO week, also if the job runs twice.
 */
export async function sendCoordinatorDigests(deps: CaseDependencies): Promise<number> {
  const now = deps.clock.now();
  const counts = new Map<string, UnitCounts>();
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.cases.listOpen({ limit: 100, continuationToken });
    for (const { value: record } of page.items) {
      const unitId = record.assignment?.unitId ?? record.unitId ?? deps.settings.centralUnitId;
      const line = counts.get(unitId) ?? { unitId, open: 0, dueThisWeek: 0, overdue: 0 };
      const counted = countCase(record, now.getTime());
      line.open += 1;
      if (counted.dueThisWeek) line.dueThisWeek += 1;
      if (counted.overdue) line.overdue += 1;
      counts.set(unitId, line);
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);

  const perCoordinator = new Map<string, UnitCounts[]>();
  for (const line of counts.values()) {
    const holders = await deps.directory.holdersOfRole('coordinator', line.unitId);
    for (const coordinator of holders.people) perCoordinator.set(coordinator, [...(perCoordinator.get(coordinator) ?? []), line]);
  }
  // Team-meeting agenda coverage this month, for the same coordinators (a unit without open cases still shows its teams).
  const month = DateTime.fromJSDate(now, { zone: ZONE }).toFormat('yyyy-MM');
  const agendaPerCoordinator = new Map<string, UnitCoverage[]>();
  for (const line of await teamAgendaCoverage(deps, month)) {
    const holders = await deps.directory.holdersOfRole('coordinator', line.unitId);
    for (const coordinator of holders.people) {
      agendaPerCoordinator.set(coordinator, [...(agendaPerCoordinator.get(coordinator) ?? []), line]);
      if (!perCoordinator.has(coordinator)) perCoordinator.set(coordinator, []);
    }
  }
  const week = DateTime.fromJSDate(now, { zone: ZONE }).toISOWeekDate()?.slice(0, 8) ?? now.toISOString().slice(0, 10);
  let sent = 0;
  for (const [coordinator, units] of perCoordinator) {
    const locale = toLocale((await deps.directory.getPerson(coordinator))?.locale);
    const recipient = userRecipient(deps, coordinator);
    const key = recipient.kind === 'user' ? recipient.userKey : coordinator;
    const agenda = (agendaPerCoordinator.get(coordinator) ?? []).map(({ unitId, teams, postedPct, discussedPct, skippedPct, openActions, lateActions }) => ({
      unitId,
      teams,
      postedPct,
      discussedPct,
      skippedPct,
      openActions,
      lateActions,
    }));
    if (await enqueueDirect(deps, `digest:${week}:${key}`, recipient, { type: 'digest', week, units, locale, ...(agenda.length > 0 ? { agenda } : {}) }, now)) sent += 1;
  }
  deps.logger.info('digest.queued', { coordinators: sent, units: counts.size });
  return sent;
}
