import { CONTAINER_NAMES } from './containerNames';

/** How one Cosmos DB container must be declared, here and in `infra/modules/cosmos.bicep`. */
export interface CosmosContainerSpec {
  name: string;
  /** Every repository addresses documents by id: one logical partition per document. */
  partitionKeyPath: '/id';
  /** Unique keys (each a list of paths); the code relies on none beyond the id. */
  uniqueKeys: readonly (readonly string[])[];
}

/**
 * The indexing policy every container needs: the repositories filter and sort (single-field
 * `ORDER BY`) on top-level fields such as `nextDueAt`, `receivedAt`, `status` and `caseId`, which a
 * range index on every path serves; no composite index is needed. `_etag` is never queried.
 * The Bicep declares the same policy; `test/infra/bicepConsistency.test.ts` keeps them in step.
 */
export const COSMOS_INDEXING_POLICY = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  excludedPaths: [{ path: '/"_etag"/?' }],
} as const;

/**
 * Every container the code opens. Production never creates them (a data-plane role cannot, and
 * the account has key auth disabled): the deployment declares them. Local runs against an
 * emulator or the test server create them from this list.
 */
export const COSMOS_CONTAINERS: readonly CosmosContainerSpec[] = Object.values(CONTAINER_NAMES).map((name) => ({ name, partitionKeyPath: '/id', uniqueKeys: [] }));
