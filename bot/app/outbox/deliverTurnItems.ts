import { deliverOwnItems, type DeliveryOptions } from './deliverOutbox';
import { rerouteUndeliverable, type DeliveryJobDependencies } from './runDelivery';

/** After a turn: delivers the outbox items that turn queued (bounded by `options`), and reroutes unreachable handlers. */
export async function deliverTurnItems(deps: DeliveryJobDependencies, itemIds: readonly string[], options: DeliveryOptions): Promise<void> {
  if (itemIds.length === 0) return;
  await rerouteUndeliverable(deps, await deliverOwnItems(deps, itemIds, options));
}
