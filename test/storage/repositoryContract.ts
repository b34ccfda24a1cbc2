/**
 * The behaviour every Repositories implementation must have, run against each backend by its
 * own test file, so the embedded store and Cosmos DB cannot drift apart.
 */
import type { CaseRecord, Page, PageRequest, Repositories } from '../../bot/app/ports';
import { ConcurrencyError, ConflictError, NotFoundError } from '../../bot/domain/errors';
import { aCase, aDraft, aKey, aSealedRecord, anAnonymousCase, at } from './storageFixtures';

/** A fresh, empty store and how to dispose of it. */
export interface OpenedRepositories {
  repos: Repositories;
  cleanup(): Promise<void>;
}

/** Follows continuation tokens to the end (at most 100 pages, so a looping token fails the test instead of hanging it). */
async function allPages<T>(list: (page: PageRequest) => Promise<Page<T>>, limit: number): Promise<{ pages: T[][] }> {
  const pages: T[][] = [];
  let continuationToken: string | undefined;
  do {
    const page = await list({ limit, continuationToken });
    pages.push(page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && pages.length < 100);
  return { pages };
}

/** Registers the shared repository contract suite under `name`. */
export function describeRepositoryContract(name: string, open: () => Promise<OpenedRepositories>): void {
  describe(`${name}: repository contract`, () => {
    let opened: OpenedRepositories;
    let repos: Repositories;

    beforeEach(async () => {
      opened = await open();
      repos = opened.repos;
    });

    afterEach(async () => {
      await opened.cleanup();
    });

    describe('cases', () => {
      it('when a case is created, then get returns exactly that record with the etag create returned', async () => {
        const record = aCase();
        const created = await repos.cases.create(record);
        expect(created.value).toEqual(record);
        expect(created.etag).toEqual(expect.any(String));

        const read = await repos.cases.get(record.id);
        expect(read).toEqual({ value: record, etag: created.etag });
      });

      it('when an anonymous case is stored, then it comes back without reporter fields', async () => {
        const record = anAnonymousCase();
        await repos.cases.create(record);
        const read = await repos.cases.get(record.id);
        expect(read?.value).toEqual(record);
        expect(read?.value).not.toHaveProperty('reporterKey');
        expect(read?.value).not.toHaveProperty('sealedReporter');
      });

      it('when a case does not exist, then get returns undefined', async () => {
        await expect(repos.cases.get('case-missing')).resolves.toBeUndefined();
      });

      it('when a case is created twice with the same id, then the second is a ConflictError and the first stays', async () => {
        const first = aCase({ id: 'case-dup' });
        const created = await repos.cases.create(first);

        await expect(repos.cases.create(aCase({ id: 'case-dup', state: 'closed' }))).rejects.toBeInstanceOf(ConflictError);
        await expect(repos.cases.get('case-dup')).resolves.toEqual(created);
      });

      it('when a case is replaced with its current etag, then the new version is stored under a new etag', async () => {
        const created = await repos.cases.create(aCase());
        const next: CaseRecord = {
          ...created.value,
          state: 'acknowledged',
          history: [...created.value.history, { at: at(30), actor: aKey('handler-1'), type: 'acknowledged', detail: { via: 'card' } }],
        };

        const replaced = await repos.cases.replace(next, created.etag);

        expect(replaced.value).toEqual(next);
        expect(replaced.etag).not.toBe(created.etag);
        await expect(repos.cases.get(next.id)).resolves.toEqual(replaced);
      });

      it('when a case is replaced with a stale etag, then it is a ConcurrencyError and the stored value is unchanged', async () => {
        const created = await repos.cases.create(aCase());
        const winner = await repos.cases.replace({ ...created.value, state: 'acknowledged' }, created.etag);

        await expect(repos.cases.replace({ ...created.value, state: 'closed' }, created.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(repos.cases.get(created.value.id)).resolves.toEqual(winner);
      });

      it('when a case that does not exist is replaced, then it is a NotFoundError', async () => {
        const created = await repos.cases.create(aCase());
        await expect(repos.cases.replace(aCase({ id: 'case-never-stored' }), created.etag)).rejects.toBeInstanceOf(NotFoundError);
        await expect(repos.cases.get('case-never-stored')).resolves.toBeUndefined();
      });

      it('when a returned record is mutated, then the stored record is not', async () => {
        const created = await repos.cases.create(aCase());
        created.value.history.push({ at: at(1), actor: 'system', type: 'tampered' });
        const read = await repos.cases.get(created.value.id);
        read!.value.categories.push('integrity');

        const again = await repos.cases.get(created.value.id);
        expect(again?.value.history).toHaveLength(1);
        expect(again?.value.categories).toEqual(['bullying', 'discrimination']);
      });

      it('when a case is looked up by its reference, then that case is found, and an unknown reference finds nothing', async () => {
        const wanted = aCase({ reference: 'VM-7K3Q-9DX2' });
        await repos.cases.create(aCase({ reference: 'VM-AAAA-BBBB' }));
        const created = await repos.cases.create(wanted);

        await expect(repos.cases.findByReference('VM-7K3Q-9DX2')).resolves.toEqual(created);
        await expect(repos.cases.findByReference('VM-0000-0000')).resolves.toBeUndefined();
      });

      it('when a reporter has 25 cases listed 10 at a time, then the pages hold 10, 10 and 5 cases, newest first, each once', async () => {
        const reporter = aKey('reporter-many');
        // Created in shuffled order, so the listing order must come from receivedAt, not insertion.
        const minutes = Array.from({ length: 25 }, (_, index) => (index * 7) % 25);
        for (const minute of minutes) await repos.cases.create(aCase({ id: `case-${String(minute).padStart(2, '0')}`, reporterKey: reporter, receivedAt: at(minute) }));
        await repos.cases.create(aCase({ reporterKey: aKey('someone-else'), receivedAt: at(12) }));
        await repos.cases.create(anAnonymousCase({ receivedAt: at(13) }));

        const { pages } = await allPages((page) => repos.cases.listByReporter(reporter, page), 10);

        expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
        const listed = pages.flat();
        expect(listed.map((record) => record.receivedAt)).toEqual(minutes.map((minute) => at(minute)).sort().reverse());
        expect(new Set(listed.map((record) => record.id)).size).toBe(25);
        expect(listed.every((record) => record.reporterKey === reporter)).toBe(true);
      });

      it('when a reporter lists without a page size, then at most 20 cases come per page', async () => {
        const reporter = aKey('reporter-default-page');
        for (let minute = 0; minute < 23; minute += 1) await repos.cases.create(aCase({ reporterKey: reporter, receivedAt: at(minute) }));

        const first = await repos.cases.listByReporter(reporter);
        expect(first.items).toHaveLength(20);
        expect(first.items[0].receivedAt).toBe(at(22));
        const second = await repos.cases.listByReporter(reporter, { continuationToken: first.continuationToken });
        expect(second.items.map((record) => record.receivedAt)).toEqual([at(2), at(1), at(0)]);
        expect(second.continuationToken).toBeUndefined();
      });

      it('when a reporter has no cases, then the listing is one empty page', async () => {
        await repos.cases.create(aCase({ reporterKey: aKey('someone') }));
        await expect(repos.cases.listByReporter(aKey('nobody'))).resolves.toEqual({ items: [] });
      });

      it('when an id contains a slash, then it is refused before it is stored', async () => {
        await expect(repos.cases.create(aCase({ id: 'a/b' }))).rejects.toThrow(/id/);
      });
    });

    describe('drafts', () => {
      it('when a draft is saved without an etag, then it is created, and a second create is a ConflictError', async () => {
        const draft = aDraft();
        const saved = await repos.drafts.save(draft);
        await expect(repos.drafts.get(draft.id)).resolves.toEqual({ value: draft, etag: saved.etag });

        await expect(repos.drafts.save(aDraft({ id: draft.id, step: 'what' }))).rejects.toBeInstanceOf(ConflictError);
        await expect(repos.drafts.get(draft.id)).resolves.toEqual(saved);
      });

      it('when a draft is saved with its etag, then it is replaced, and saving with the old etag is a ConcurrencyError', async () => {
        const saved = await repos.drafts.save(aDraft({ step: 'what' }));
        const next = await repos.drafts.save({ ...saved.value, step: 'want', updatedAt: at(6) }, saved.etag);
        expect(next.value.step).toBe('want');

        await expect(repos.drafts.save({ ...saved.value, step: 'identity' }, saved.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(repos.drafts.get(saved.value.id)).resolves.toEqual(next);
      });

      it('when a draft is deleted, then it is gone, a second delete is fine, and saving with its old etag is a NotFoundError', async () => {
        const saved = await repos.drafts.save(aDraft());
        await repos.drafts.delete(saved.value.id);
        await expect(repos.drafts.get(saved.value.id)).resolves.toBeUndefined();
        await expect(repos.drafts.delete(saved.value.id)).resolves.toBeUndefined();
        await expect(repos.drafts.save(saved.value, saved.etag)).rejects.toBeInstanceOf(NotFoundError);
      });

      it('when drafts expire before, exactly at and after now, then listExpired returns the first two, oldest first', async () => {
        const now = at(30);
        await repos.drafts.save(aDraft({ id: aKey('later'), expiresAt: at(31) }));
        await repos.drafts.save(aDraft({ id: aKey('exactly'), expiresAt: at(30) }));
        await repos.drafts.save(aDraft({ id: aKey('earlier'), expiresAt: at(10) }));

        const page = await repos.drafts.listExpired(now);

        expect(page.items.map((draft) => draft.id)).toEqual([aKey('earlier'), aKey('exactly')]);
        expect(page.continuationToken).toBeUndefined();
      });

      it('when a purge deletes each page of expired drafts before asking for the next, then none is skipped', async () => {
        for (let minute = 0; minute < 12; minute += 1) await repos.drafts.save(aDraft({ id: aKey(`drafter-${minute}`), expiresAt: at(minute) }));
        await repos.drafts.save(aDraft({ id: aKey('still-writing'), expiresAt: at(59) }));

        const purged: string[] = [];
        let continuationToken: string | undefined;
        do {
          const page = await repos.drafts.listExpired(at(20), { limit: 5, continuationToken });
          for (const draft of page.items) {
            await repos.drafts.delete(draft.id);
            purged.push(draft.expiresAt);
          }
          continuationToken = page.continuationToken;
        } while (continuationToken !== undefined);

        expect(purged).toEqual(Array.from({ length: 12 }, (_, minute) => at(minute)));
        await expect(repos.drafts.listExpired(at(20))).resolves.toEqual({ items: [] });
        await expect(repos.drafts.get(aKey('still-writing'))).resolves.toBeDefined();
      });
    });

    describe('sealed records', () => {
      it('when a sealed record is put, overwritten and deleted, then get follows each step', async () => {
        const first = aSealedRecord({ updatedAt: at(1) });
        await repos.conversationReferences.put(first);
        await expect(repos.conversationReferences.get(first.id)).resolves.toEqual(first);

        const second = aSealedRecord({ id: first.id, updatedAt: at(2) });
        await repos.conversationReferences.put(second);
        await expect(repos.conversationReferences.get(first.id)).resolves.toEqual(second);

        await repos.conversationReferences.delete(first.id);
        await expect(repos.conversationReferences.get(first.id)).resolves.toBeUndefined();
      });

      it('when a sealed record is absent, then get returns undefined and delete is fine', async () => {
        await expect(repos.relayAddresses.get('relay-missing')).resolves.toBeUndefined();
        await expect(repos.relayAddresses.delete('relay-missing')).resolves.toBeUndefined();
      });

      it('when the same id is used for a conversation reference and a relay address, then they are stored apart', async () => {
        const reference = aSealedRecord({ id: 'shared-id' });
        const relay = aSealedRecord({ id: 'shared-id', updatedAt: at(9) });
        await repos.conversationReferences.put(reference);
        await repos.relayAddresses.put(relay);

        await repos.conversationReferences.delete('shared-id');

        await expect(repos.conversationReferences.get('shared-id')).resolves.toBeUndefined();
        await expect(repos.relayAddresses.get('shared-id')).resolves.toEqual(relay);
      });
    });
  });
}
