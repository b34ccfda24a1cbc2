/**
 * The guessing limit's part of the repository contract (failed reference + secret attempts per
 * user pseudonym), run against each backend by its own test file next to the shared contract suite.
 */
import type { AttemptRecord } from '../../bot/app/reporter/attemptPorts';
import { ConcurrencyError, ConflictError, NotFoundError } from '../../bot/domain/errors';
import type { OpenedRepositories } from './repositoryContract';
import { aKey, at } from './storageFixtures';

/** A user's attempt record last changed at `minutes` after 09:00 on 1 March 2025. */
function anAttemptRecord(label: string, minutes: number, failures = [at(minutes)]): AttemptRecord {
  return { id: aKey(label), failures, updatedAt: at(minutes) };
}

/** Registers the attempt record contract suite under `name`. */
export function describeAttemptRepositoryContract(name: string, open: () => Promise<OpenedRepositories>): void {
  describe(`${name}: attempt record contract`, () => {
    let opened: OpenedRepositories;

    beforeEach(async () => {
      opened = await open();
    });

    afterEach(async () => {
      await opened.cleanup();
    });

    it('when a record is saved without an etag, then it is created and readable, and a second create is a ConflictError that changes nothing', async () => {
      const { attempts } = opened.repos;
      const record = anAttemptRecord('anna', 0);
      const created = await attempts.save(record);

      expect(created.value).toEqual(record);
      await expect(attempts.get(record.id)).resolves.toEqual(created);
      await expect(attempts.save({ ...record, failures: [at(1), at(2)] })).rejects.toBeInstanceOf(ConflictError);
      await expect(attempts.get(record.id)).resolves.toEqual(created);
      await expect(attempts.get(aKey('nobody'))).resolves.toBeUndefined();
    });

    it('when a record is saved with its etag, then it is replaced; with a stale etag it is a ConcurrencyError; once deleted, a NotFoundError', async () => {
      const { attempts } = opened.repos;
      const created = await attempts.save(anAttemptRecord('bert', 0));
      const replaced = await attempts.save({ ...created.value, failures: [at(0), at(1)], updatedAt: at(1) }, created.etag);

      expect(replaced.etag).not.toBe(created.etag);
      await expect(attempts.save({ ...created.value, failures: [at(0), at(2)], updatedAt: at(2) }, created.etag)).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(attempts.get(created.value.id)).resolves.toEqual(replaced);

      await attempts.delete(created.value.id);
      await attempts.delete(created.value.id);
      await expect(attempts.get(created.value.id)).resolves.toBeUndefined();
      await expect(attempts.save(replaced.value, replaced.etag)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('when records are listed as updated before a moment, then only older ones come, oldest first, at most the limit', async () => {
      const { attempts } = opened.repos;
      for (const [label, minutes] of [['c', 30], ['a', 10], ['b', 20], ['d', 40]] as const) await attempts.save(anAttemptRecord(label, minutes));

      expect((await attempts.listUpdatedBefore(at(30), 10)).map((record) => record.updatedAt)).toEqual([at(10), at(20)]);
      expect((await attempts.listUpdatedBefore(at(41), 2)).map((record) => record.id)).toEqual([aKey('a'), aKey('b')]);
      expect(await attempts.listUpdatedBefore(at(10), 10)).toEqual([]);
    });
  });
}
