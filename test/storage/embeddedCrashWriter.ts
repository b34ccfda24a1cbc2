/**
 * Child process for the hard-kill test: opens the embedded store in the directory given as the
 * first argument and puts relay addresses forever, printing each id once its put has resolved.
 * The parent kills it with SIGKILL and checks that every printed id survived. With a second
 * argument `concurrent`, eight writers put at once, so the store commits them in groups.
 */
import { createEmbeddedRepositories } from '../../bot/storage/createEmbeddedRepositories';
import { aSealedRecord, at } from './storageFixtures';

async function main(): Promise<void> {
  const repos = await createEmbeddedRepositories(process.argv[2]);
  const writers = process.argv[3] === 'concurrent' ? 8 : 1;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; ; index += 1) {
        const id = `relay-${writer}-${index}`;
        await repos.relayAddresses.put(aSealedRecord({ id, updatedAt: at(index % 60) }));
        process.stdout.write(`${id}\n`);
      }
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
