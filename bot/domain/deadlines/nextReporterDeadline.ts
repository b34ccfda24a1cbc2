import { CLOCK_KINDS, type ClockKind } from './deadlinePolicies';

/** The one deadline a reporter is told about: what comes next, and by when. */
export interface ReporterDeadline {
  clock: ClockKind;
  /** ISO time. */
  dueAt: string;
}

/**
 * The next deadline that applies to the reporter now: of the case's clocks that are running
 * (started, not stopped), the one due first. A case on one route has only that route's clocks,
 * so the reporter is never given another route's timeline. None when nothing runs (closed).
 */
export function nextReporterDeadline(
  clocks: readonly { clock: string; startedAt: string; dueAt: string; stoppedAt?: string }[] | undefined,
  now: string,
): ReporterDeadline | undefined {
  const running = (clocks ?? [])
    .filter((clock): clock is typeof clock & { clock: ClockKind } => (CLOCK_KINDS as readonly string[]).includes(clock.clock))
    .filter((clock) => clock.stoppedAt === undefined && clock.startedAt <= now)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return running[0] ? { clock: running[0].clock, dueAt: running[0].dueAt } : undefined;
}
