/**
 * Child process of cosmosManagedIdentity.test.ts: builds the application from its environment
 * (production mode), runs the daily retention job (reads and queries across containers), and
 * prints one JSON line: `{ mode, storageKind }`, or `{ problems }` when start-up is refused.
 * A process of its own, so NODE_EXTRA_CA_CERTS (read at start) makes it trust the loopback test CA.
 */
import { createApplication } from '../../bot/composition';
import { ConfigurationError } from '../../bot/domain/errors';

async function main(): Promise<void> {
  try {
    const app = await createApplication({ logSink: () => undefined });
    await app.purgeClosedCases();
    await app.close();
    process.stdout.write(`${JSON.stringify({ mode: app.mode, storageKind: app.storageKind })}\n`);
  } catch (error) {
    const problems = error instanceof ConfigurationError ? error.problems : [`${(error as Error).name}: ${(error as Error).message}`];
    process.stdout.write(`${JSON.stringify({ problems })}\n`);
  }
}

void main();
