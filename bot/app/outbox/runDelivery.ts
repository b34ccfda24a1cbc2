import { deliverOutbox, type DeliveryDependencies, type DeliveryOptions, type DeliveryReport } from './deliverOutbox';
import { flushAllCaseOutboxes } from './flushCaseOutbox';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { reassignUnreachableHandler } from '../cases/reassignUnreachableHandler';

/** What a delivery job uses: the case dependencies (to reroute) and how a payload becomes a card. */
export type DeliveryJobDependencies = CaseDependencies & DeliveryDependencies;

/** Cases whose handler could not be reached by an item of the report go to someone who can be. */
export async function rerouteUndeliverable(deps: CaseDependencies, report: DeliveryReport): Promise<void> {
  for (const item of report.failed) {
    if (item.onUndeliverable) await reassignUnreachableHandler(deps, item);
  }
}

/** The outbox timer's run: moves messages left in cases to the outbox, delivers what is due, reroutes unreachable handlers. */
export async function runDelivery(deps: DeliveryJobDependencies, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  await flushAllCaseOutboxes(deps);
  const report = await deliverOutbox(deps, options);
  await rerouteUndeliverable(deps, report);
  return report;
}
