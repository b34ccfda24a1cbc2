import type { Clock } from '../../domain/clock';
import type { AgendaDependencies } from '../agenda/agendaDependencies';
import { postDueTopics } from '../agenda/postDueTopics';
import { purgeExpiredDrafts } from '../retention/purgeExpiredDrafts';
import { runDailyRetention, type RetentionPolicy } from '../retention/runDailyRetention';
import { runDelivery, type DeliveryJobDependencies } from '../outbox/runDelivery';
import { sendAllDueReminders } from '../deadlines/sendAllDueReminders';

/** A clock that can be moved forward (local mode's dev clock). */
export interface AdvanceableClock extends Clock {
  advance(milliseconds: number): void;
}

/**
 * Local mode: moves the clock forward, then runs the timers' jobs that are then due (drafts,
 * retention, reminders, team topics, delivery), in that order. Returns the new time.
 */
export async function advanceClockAndRunJobs(deps: AgendaDependencies & DeliveryJobDependencies, clock: AdvanceableClock, milliseconds: number, retention: RetentionPolicy): Promise<Date> {
  clock.advance(milliseconds);
  await purgeExpiredDrafts(deps);
  await runDailyRetention(deps, retention);
  await sendAllDueReminders(deps);
  await postDueTopics(deps);
  await runDelivery(deps);
  return clock.now();
}
