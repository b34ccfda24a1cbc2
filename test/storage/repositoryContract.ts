/**
 * The behaviour every Repositories implementation must have, run against each backend by its
 * own test file, so the embedded store and Cosmos DB cannot drift apart.
 */
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import type { OutboxItem } from '../../bot/app/outbox/outboxPorts';
import type { Page, PageRequest } from '../../bot/app/common/storePorts';
import type { PurgeLogEntry } from '../../bot/app/retention/purgeLogPorts';
import type { Repositories } from '../../bot/app/common/repositories';
import type { TeamActionRecord, TeamRecord } from '../../bot/app/agenda/agendaPorts';
import { ConcurrencyError, ConflictError, NotFoundError } from '../../bot/domain/errors';
import { anOutboxItem } from './outboxFixtures';
import { aCase, aDraft, aKey, aSealed, aSealedRecord, aTeam, aTeamAction, anAnonymousCase, anUnconfiguredTeam, at } from './storageFixtures';

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

/** A purge register entry as the purge writes it (hash-like id, month precision, no reference). */
function aPurgeLogEntry(label: string, purgedAt: string): PurgeLogEntry {
  const caseIdHash = Buffer.from(`case:${label}`).toString('hex').padEnd(64, '0');
  return { id: `purge:${caseIdHash}`, purgedAt, caseIdHash, kind: 'report', closedAt: '2020-01', outcome: 'resolved', reason: 'retention' };
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

      it('when a case is looked up by its relay id, then that case is found, and an unknown relay id finds nothing', async () => {
        await repos.cases.create(aCase({ id: 'case-other-relay', reference: 'VM-AAAA-BBBB', relayId: 'relay-other' }));
        const created = await repos.cases.create(aCase({ id: 'case-with-relay', reference: 'VM-7K3Q-9DX2', relayId: 'relay-wanted' }));

        await expect(repos.cases.findByRelayId('relay-wanted')).resolves.toEqual(created);
        await expect(repos.cases.findByRelayId('relay-unknown')).resolves.toBeUndefined();
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

      it('when some cases have messages waiting to move to the outbox, then only those are listed', async () => {
        await repos.cases.create(aCase({ id: 'case-waiting', pendingOutboxCount: 2 }));
        await repos.cases.create(aCase({ id: 'case-flushed', pendingOutboxCount: 0 }));
        await repos.cases.create(aCase({ id: 'case-older' }));
        const listed = await repos.cases.listWithPendingOutbox(10);
        expect(listed.map((entry) => entry.value.id)).toEqual(['case-waiting']);
        expect(listed[0].etag).toEqual(expect.any(String));
      });

      it('when a handler has open and closed cases, then the open ones are listed oldest first, and another handler\'s never', async () => {
        const handler = aKey('handler');
        await repos.cases.create(aCase({ id: 'h-2', handlerKey: handler, isOpen: true, receivedAt: at(20) }));
        await repos.cases.create(aCase({ id: 'h-1', handlerKey: handler, isOpen: true, receivedAt: at(10) }));
        await repos.cases.create(aCase({ id: 'h-closed', handlerKey: handler, isOpen: false, receivedAt: at(5) }));
        await repos.cases.create(aCase({ id: 'other', handlerKey: aKey('other handler'), isOpen: true, receivedAt: at(1) }));
        const page = await repos.cases.listOpenByHandler(handler);
        expect(page.items.map((entry) => entry.value.id)).toEqual(['h-1', 'h-2']);
      });

      it('when cases closed before, exactly at and after the cut-off, then listClosedBefore returns the first two, oldest first, and never an open one', async () => {
        await repos.cases.create(aCase({ id: 'closed-later', state: 'closed', isOpen: false, closedAt: at(31) }));
        await repos.cases.create(aCase({ id: 'closed-exactly', state: 'closed', isOpen: false, closedAt: at(30) }));
        await repos.cases.create(aCase({ id: 'closed-early', state: 'closed', isOpen: false, closedAt: at(10) }));
        // Open cases never match, whatever their other fields say; nor does a closed case without a closing time.
        await repos.cases.create(aCase({ id: 'open-with-old-closedAt', isOpen: true, closedAt: at(1) }));
        await repos.cases.create(aCase({ id: 'open', isOpen: true }));
        await repos.cases.create(aCase({ id: 'closed-no-time', state: 'closed', isOpen: false }));

        const listed = await repos.cases.listClosedBefore(at(30), 10);

        expect(listed.map((entry) => entry.value.id)).toEqual(['closed-early', 'closed-exactly']);
        await expect(repos.cases.get('closed-early')).resolves.toEqual(listed[0]);
        await expect(repos.cases.listClosedBefore(at(30), 1)).resolves.toEqual([listed[0]]);
      });

      it('when open and closed cases with and without a legacy sealed exclusion list are stored, then listOpenWithLegacyExclusions returns only the open ones that have one, at most limit', async () => {
        const legacy = { kid: 'k1', iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ct: 'bGVnYWN5' };
        await repos.cases.create(aCase({ id: 'open-legacy-1', isOpen: true, sealedExclusions: legacy }));
        await repos.cases.create(aCase({ id: 'open-legacy-2', isOpen: true, sealedExclusions: legacy }));
        await repos.cases.create(aCase({ id: 'open-marked', isOpen: true }));
        await repos.cases.create(aCase({ id: 'closed-legacy', state: 'closed', isOpen: false, closedAt: at(10), sealedExclusions: legacy }));

        const listed = await repos.cases.listOpenWithLegacyExclusions(10);

        expect(listed.map((entry) => entry.value.id).sort()).toEqual(['open-legacy-1', 'open-legacy-2']);
        await expect(repos.cases.get('open-legacy-1')).resolves.toEqual(listed.find((entry) => entry.value.id === 'open-legacy-1'));
        await expect(repos.cases.listOpenWithLegacyExclusions(1)).resolves.toHaveLength(1);
      });

      it('when check-ins are due before, exactly at and after now, or none is planned, then listDueForCheckIn returns the first two, earliest first, at most limit', async () => {
        await repos.cases.create(aCase({ id: 'check-in-later', state: 'closed', isOpen: false, nextCheckInAt: at(31) }));
        await repos.cases.create(aCase({ id: 'check-in-exactly', state: 'closed', isOpen: false, nextCheckInAt: at(30) }));
        await repos.cases.create(aCase({ id: 'check-in-early', state: 'closed', isOpen: false, nextCheckInAt: at(10) }));
        await repos.cases.create(aCase({ id: 'no-check-in', state: 'closed', isOpen: false }));

        const due = await repos.cases.listDueForCheckIn(at(30), 10);

        expect(due.map((entry) => entry.value.id)).toEqual(['check-in-early', 'check-in-exactly']);
        await expect(repos.cases.get('check-in-early')).resolves.toEqual(due[0]);
        await expect(repos.cases.listDueForCheckIn(at(30), 1)).resolves.toEqual([due[0]]);
        await expect(repos.cases.listDueForCheckIn(at(9), 10)).resolves.toEqual([]);
      });

      it('when a case is deleted, then it is gone, a second delete is fine, and replacing it is a NotFoundError', async () => {
        const created = await repos.cases.create(aCase({ state: 'closed', isOpen: false, closedAt: at(5) }));
        const other = await repos.cases.create(aCase());

        await repos.cases.delete(created.value.id);

        await expect(repos.cases.get(created.value.id)).resolves.toBeUndefined();
        await expect(repos.cases.delete(created.value.id)).resolves.toBeUndefined();
        await expect(repos.cases.replace(created.value, created.etag)).rejects.toBeInstanceOf(NotFoundError);
        await expect(repos.cases.listClosedBefore(at(59), 10)).resolves.toEqual([]);
        await expect(repos.cases.get(other.value.id)).resolves.toEqual(other);
      });

      it('when cases were received before, at, inside and at the end of a window, then listReceivedBetween returns those from `from` up to but not including `to`, open and closed, oldest first', async () => {
        // Created out of order, so the listing order must come from receivedAt.
        await repos.cases.create(aCase({ id: 'at-to', isOpen: true, receivedAt: at(20) }));
        await repos.cases.create(aCase({ id: 'inside-closed', state: 'closed', isOpen: false, closedAt: at(40), receivedAt: at(19) }));
        await repos.cases.create(aCase({ id: 'before', isOpen: true, receivedAt: at(9) }));
        await repos.cases.create(anAnonymousCase({ id: 'inside-open', isOpen: true, receivedAt: at(15) }));
        await repos.cases.create(aCase({ id: 'at-from', state: 'closed', isOpen: false, closedAt: at(30), receivedAt: at(10) }));
        await repos.cases.create(aCase({ id: 'after', isOpen: true, receivedAt: at(25) }));

        const page = await repos.cases.listReceivedBetween(at(10), at(20));

        expect(page.items.map((record) => record.id)).toEqual(['at-from', 'inside-open', 'inside-closed']);
        expect(page.continuationToken).toBeUndefined();
        await expect(repos.cases.get('inside-open')).resolves.toMatchObject({ value: page.items[1] });
      });

      it('when 12 cases fall in a window listed 5 at a time, then the pages hold 5, 5 and 2, oldest first, each once', async () => {
        const minutes = Array.from({ length: 12 }, (_, index) => 10 + ((index * 5) % 12));
        for (const minute of minutes) await repos.cases.create(aCase({ id: `window-${minute}`, isOpen: minute % 2 === 0, receivedAt: at(minute) }));
        await repos.cases.create(aCase({ id: 'outside-before', receivedAt: at(9) }));
        await repos.cases.create(aCase({ id: 'outside-after', receivedAt: at(22) }));

        const { pages } = await allPages((page) => repos.cases.listReceivedBetween(at(10), at(22), page), 5);

        expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
        expect(pages.flat().map((record) => record.id)).toEqual(Array.from({ length: 12 }, (_, index) => `window-${10 + index}`));
      });

      it('when cases closed before, at, inside and at the end of a window, then listClosedBetween returns the closed ones from `from` up to but not including `to`, oldest first', async () => {
        await repos.cases.create(aCase({ id: 'closed-at-to', state: 'closed', isOpen: false, closedAt: at(20) }));
        await repos.cases.create(aCase({ id: 'closed-inside', state: 'closed', isOpen: false, closedAt: at(15) }));
        await repos.cases.create(aCase({ id: 'closed-before', state: 'closed', isOpen: false, closedAt: at(9) }));
        await repos.cases.create(aCase({ id: 'closed-at-from', state: 'closed', isOpen: false, closedAt: at(10) }));
        await repos.cases.create(aCase({ id: 'open-with-closedAt', isOpen: true, closedAt: at(12) }));

        const { pages } = await allPages((page) => repos.cases.listClosedBetween(at(10), at(20), page), 1);

        expect(pages.flat().map((record) => record.id)).toEqual(['closed-at-from', 'closed-inside']);
        await expect(repos.cases.listClosedBetween(at(21), at(30))).resolves.toEqual({ items: [] });
      });

      it('when cases have lessons in different states, then listByLessonStatus returns only those in the asked state, oldest closing first, a page at a time', async () => {
        const lesson = (id: string, status: 'proposed' | 'approved') => ({ id, status, category: 'bullying' as const, unitId: 'u-1', sealedText: aSealed(), proposedAt: at(1) });
        await repos.cases.create(aCase({ id: 'approved-late', state: 'closed', isOpen: false, closedAt: at(30), lessonStatus: 'approved', lesson: lesson('l-1', 'approved') }));
        await repos.cases.create(aCase({ id: 'proposed', state: 'closed', isOpen: false, closedAt: at(20), lessonStatus: 'proposed', lesson: lesson('l-2', 'proposed') }));
        await repos.cases.create(aCase({ id: 'approved-early', state: 'closed', isOpen: false, closedAt: at(10), lessonStatus: 'approved', lesson: lesson('l-3', 'approved') }));
        await repos.cases.create(aCase({ id: 'no-lesson', state: 'closed', isOpen: false, closedAt: at(5) }));

        const { pages } = await allPages((page) => repos.cases.listByLessonStatus('approved', page), 1);

        expect(pages.flat().map((entry) => entry.value.id)).toEqual(['approved-early', 'approved-late']);
        await expect(repos.cases.get('approved-early')).resolves.toEqual(pages.flat()[0]);
        expect((await repos.cases.listByLessonStatus('proposed')).items.map((entry) => entry.value.id)).toEqual(['proposed']);
        await expect(repos.cases.listByLessonStatus('rejected')).resolves.toEqual({ items: [] });
      });

      it('when cases carry lessons, then findByLessonId returns the one case whose lessonId it is, whatever its status, and undefined for an unknown id', async () => {
        const lesson = (id: string, status: 'proposed' | 'approved') => ({ id, status, category: 'bullying' as const, unitId: 'u-1', sealedText: aSealed(), proposedAt: at(1) });
        await repos.cases.create(aCase({ id: 'case-a', state: 'closed', isOpen: false, closedAt: at(10), lessonStatus: 'approved', lessonId: 'l-a', lesson: lesson('l-a', 'approved') }));
        await repos.cases.create(aCase({ id: 'case-b', state: 'closed', isOpen: false, closedAt: at(11), lessonStatus: 'proposed', lessonId: 'l-b', lesson: lesson('l-b', 'proposed') }));
        await repos.cases.create(aCase({ id: 'case-c', state: 'closed', isOpen: false, closedAt: at(12) }));

        const found = await repos.cases.findByLessonId('l-a');

        expect(found?.value.id).toBe('case-a');
        await expect(repos.cases.get('case-a')).resolves.toEqual(found);
        expect((await repos.cases.findByLessonId('l-b'))?.value.id).toBe('case-b');
        await expect(repos.cases.findByLessonId('l-unknown')).resolves.toBeUndefined();
        // The id is the lesson's, never the case's.
        await expect(repos.cases.findByLessonId('case-a')).resolves.toBeUndefined();
      });

      it('when no case was received in a window, then listReceivedBetween is one empty page', async () => {
        await repos.cases.create(aCase({ receivedAt: at(5) }));
        await expect(repos.cases.listReceivedBetween(at(10), at(20))).resolves.toEqual({ items: [] });
        await expect(repos.cases.listReceivedBetween(at(5), at(5))).resolves.toEqual({ items: [] });
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

      it('when records are listed as updated before a moment, then only older ones come, oldest first, at most the limit', async () => {
        await repos.conversationReferences.put(aSealedRecord({ id: 'ref-day-3', updatedAt: '2025-03-03' }));
        await repos.conversationReferences.put(aSealedRecord({ id: 'ref-day-1', updatedAt: '2025-03-01' }));
        await repos.conversationReferences.put(aSealedRecord({ id: 'ref-day-2', updatedAt: '2025-03-02' }));
        await repos.conversationReferences.put(aSealedRecord({ id: 'ref-day-5', updatedAt: '2025-03-05' }));

        const older = await repos.conversationReferences.listUpdatedBefore('2025-03-04', 10);
        expect(older.map((record) => record.id)).toEqual(['ref-day-1', 'ref-day-2', 'ref-day-3']);
        await expect(repos.conversationReferences.listUpdatedBefore('2025-03-04', 2)).resolves.toHaveLength(2);
        await expect(repos.conversationReferences.listUpdatedBefore('2025-03-01', 10)).resolves.toEqual([]);
        await expect(repos.relayAddresses.listUpdatedBefore('2025-03-04', 10)).resolves.toEqual([]);
      });
    });

    describe('outbox', () => {
      it('when finished items are listed as created before a moment, then sent, failed and uncertain older ones come, oldest first, never pending or sending ones', async () => {
        await repos.outbox.enqueue(anOutboxItem({ id: 'sent-old', status: 'sent', createdAt: at(2) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'failed-old', status: 'failed', createdAt: at(1) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'uncertain-old', status: 'uncertain', createdAt: at(3) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-old', status: 'pending', createdAt: at(0) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'sending-old', status: 'sending', createdAt: at(0), leaseUntil: at(1) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'sent-new', status: 'sent', createdAt: at(30) }));

        const finished = await repos.outbox.listFinishedBefore(at(10), 10);
        expect(finished.map((item) => item.id)).toEqual(['failed-old', 'sent-old', 'uncertain-old']);
        await expect(repos.outbox.listFinishedBefore(at(10), 2)).resolves.toHaveLength(2);

        await repos.outbox.delete('sent-old');
        await repos.outbox.delete('sent-old');
        await expect(repos.outbox.get('sent-old')).resolves.toBeUndefined();
        await expect(repos.outbox.get('pending-old')).resolves.toBeDefined();
      });

      it('when an item is enqueued twice, then the second enqueue is false and the first item stays as it was', async () => {
        const item = anOutboxItem();
        await expect(repos.outbox.enqueue(item)).resolves.toBe(true);
        const stored = await repos.outbox.get(item.id);
        expect(stored?.value).toEqual(item);

        await expect(repos.outbox.enqueue({ ...item, createdAt: at(5), notBefore: at(5) })).resolves.toBe(false);
        await expect(repos.outbox.get(item.id)).resolves.toEqual(stored);
      });

      it('when items are pending, sending, sent, failed and uncertain, then listDue returns the due pending and the lapsed sending ones, oldest first', async () => {
        const now = at(30);
        const items = [
          anOutboxItem({ id: 'pending-due-early', createdAt: at(1), notBefore: at(1) }),
          anOutboxItem({ id: 'lapsed-exactly', createdAt: at(2), status: 'sending', attempts: 1, leaseUntil: at(30) }),
          anOutboxItem({ id: 'pending-due-exactly', createdAt: at(3), notBefore: at(30) }),
          anOutboxItem({ id: 'pending-later', createdAt: at(4), notBefore: at(31) }),
          anOutboxItem({ id: 'sending-live', createdAt: at(5), status: 'sending', attempts: 1, leaseUntil: at(31) }),
          anOutboxItem({ id: 'lapsed-earlier', createdAt: at(6), status: 'sending', attempts: 2, leaseUntil: at(10) }),
          anOutboxItem({ id: 'sent', createdAt: at(7), status: 'sent', attempts: 1, sentAt: at(8), activityId: 'activity-1' }),
          anOutboxItem({ id: 'failed', createdAt: at(8), status: 'failed', attempts: 1, lastError: '403' }),
          anOutboxItem({ id: 'uncertain', createdAt: at(9), status: 'uncertain', attempts: 1 }),
          anOutboxItem({ id: 'pending-due-newest', createdAt: at(10), notBefore: at(0) }),
        ];
        // Stored in reverse, so the order must come from createdAt.
        for (const item of [...items].reverse()) await repos.outbox.enqueue(item);

        const due = await repos.outbox.listDue(now, 50);

        expect(due.map(({ value }) => value.id)).toEqual(['pending-due-early', 'lapsed-exactly', 'pending-due-exactly', 'lapsed-earlier', 'pending-due-newest']);
        const stored = await repos.outbox.get('lapsed-earlier');
        expect(due[3]).toEqual(stored);
      });

      it('when more items are due than the limit, then the oldest of both kinds together come back', async () => {
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-3', createdAt: at(3) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'lapsed-2', createdAt: at(2), status: 'sending', attempts: 1, leaseUntil: at(5) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-1', createdAt: at(1) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'lapsed-4', createdAt: at(4), status: 'sending', attempts: 1, leaseUntil: at(5) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-5', createdAt: at(5) }));

        const due = await repos.outbox.listDue(at(20), 3);

        expect(due.map(({ value }) => value.id)).toEqual(['pending-1', 'lapsed-2', 'pending-3']);
      });

      it('when listDue is asked with a horizon far ahead, then every pending and claimed item comes back, and no finished one', async () => {
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-tomorrow', createdAt: at(1), notBefore: '2025-03-02T09:00:00.000Z' }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'sending-live', createdAt: at(2), status: 'sending', attempts: 1, leaseUntil: at(50) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'sent', createdAt: at(3), status: 'sent', attempts: 1 }));

        const open = await repos.outbox.listDue('9999-12-31T23:59:59.999Z', 10);

        expect(open.map(({ value }) => value.id)).toEqual(['pending-tomorrow', 'sending-live']);
      });

      it('when listDue is asked for the items created after a moment, then it returns the next page: due ones created later, of both kinds, oldest first', async () => {
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-1', createdAt: at(1) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'lapsed-2', createdAt: at(2), status: 'sending', attempts: 1, leaseUntil: at(5) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-3', createdAt: at(3) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'pending-4-later', createdAt: at(4), notBefore: at(40) }));
        await repos.outbox.enqueue(anOutboxItem({ id: 'lapsed-5', createdAt: at(5), status: 'sending', attempts: 1, leaseUntil: at(5) }));

        await expect(repos.outbox.listDue(at(20), 10, at(1)).then((due) => due.map(({ value }) => value.id))).resolves.toEqual(['lapsed-2', 'pending-3', 'lapsed-5']);
        await expect(repos.outbox.listDue(at(20), 1, at(2)).then((due) => due.map(({ value }) => value.id))).resolves.toEqual(['pending-3']);
        await expect(repos.outbox.listDue(at(20), 10, at(5))).resolves.toEqual([]);
      });

      it('when a chat has pending (due or not), sending and finished items, then listUnfinishedIn returns its pending and sending ones, oldest first, and nothing of other chats', async () => {
        const chat = (id: string, overrides: Partial<OutboxItem>) => anOutboxItem({ id, conversationKey: 'chat-a', ...overrides });
        const items = [
          chat('a-later', { createdAt: at(4), notBefore: at(50) }),
          chat('a-sending', { createdAt: at(2), status: 'sending', attempts: 1, leaseUntil: at(40) }),
          chat('a-sent', { createdAt: at(1), status: 'sent', attempts: 1 }),
          chat('a-failed', { createdAt: at(3), status: 'failed', attempts: 1 }),
          chat('a-due', { createdAt: at(5) }),
          anOutboxItem({ id: 'b-due', conversationKey: 'chat-b', createdAt: at(0) }),
        ];
        for (const item of items) await repos.outbox.enqueue(item);

        const unfinished = await repos.outbox.listUnfinishedIn('chat-a', 10);

        expect(unfinished.map(({ value }) => value.id)).toEqual(['a-sending', 'a-later', 'a-due']);
        expect(unfinished[1]).toEqual(await repos.outbox.get('a-later'));
        await expect(repos.outbox.listUnfinishedIn('chat-a', 2)).resolves.toHaveLength(2);
        await expect(repos.outbox.listUnfinishedIn('chat-none', 10)).resolves.toEqual([]);
      });

      it('when nothing is due, then listDue is empty', async () => {
        await repos.outbox.enqueue(anOutboxItem({ notBefore: at(45) }));
        await expect(repos.outbox.listDue(at(44), 10)).resolves.toEqual([]);
      });

      it('when an item is claimed with its etag, then a second claim with the old etag is a ConcurrencyError and the first claim stays', async () => {
        await repos.outbox.enqueue(anOutboxItem());
        const read = await repos.outbox.get(anOutboxItem().id);
        const claimed = await repos.outbox.replace({ ...read!.value, status: 'sending', attempts: 1, leaseUntil: at(2) }, read!.etag);
        expect(claimed.etag).not.toBe(read!.etag);

        await expect(repos.outbox.replace({ ...read!.value, status: 'sending', attempts: 1, leaseUntil: at(3) }, read!.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(repos.outbox.get(read!.value.id)).resolves.toEqual(claimed);
      });

      it('when an item is replaced without its lease, then the stored item has no lease either', async () => {
        await repos.outbox.enqueue(anOutboxItem({ status: 'sending', attempts: 1, leaseUntil: at(2) }));
        const read = await repos.outbox.get(anOutboxItem().id);
        const { leaseUntil: _lease, ...rest } = read!.value;

        await repos.outbox.replace({ ...rest, status: 'sent', sentAt: at(1), activityId: 'activity-9' }, read!.etag);

        const sent = await repos.outbox.get(read!.value.id);
        expect(sent?.value).toEqual({ ...rest, status: 'sent', sentAt: at(1), activityId: 'activity-9' });
        expect(sent?.value).not.toHaveProperty('leaseUntil');
      });
    });

    describe('teams', () => {
      it('when a team is created, then get returns exactly that record with the etag create returned, and a second create is a ConflictError', async () => {
        const record = aTeam({ id: aKey('team-dup') });
        const created = await repos.teams.create(record);
        expect(created).toEqual({ value: record, etag: expect.any(String) });
        await expect(repos.teams.get(record.id)).resolves.toEqual(created);

        await expect(repos.teams.create(aTeam({ id: record.id, name: 'Other' }))).rejects.toBeInstanceOf(ConflictError);
        await expect(repos.teams.get(record.id)).resolves.toEqual(created);
        await expect(repos.teams.get(aKey('team-missing'))).resolves.toBeUndefined();
      });

      it('when a team without settings is stored, then it comes back without settings or posting times', async () => {
        const record = anUnconfiguredTeam();
        await repos.teams.create(record);
        const read = await repos.teams.get(record.id);
        expect(read?.value).toEqual(record);
        expect(read?.value).not.toHaveProperty('settings');
        expect(read?.value).not.toHaveProperty('nextPostAt');
      });

      it('when a team is replaced with its current etag, then the new version is stored, and replacing with the old etag is a ConcurrencyError', async () => {
        const created = await repos.teams.create(aTeam());
        const next: TeamRecord = {
          ...created.value,
          updatedAt: at(31),
          nextPostAt: at(60),
          usedTopicIds: [...created.value.usedTopicIds, 'topic-feedback'],
          postings: [...created.value.postings, { id: 'posting-2', topicId: 'topic-feedback', meetingAt: at(59), postedAt: at(30), status: 'posted' }],
        };

        const replaced = await repos.teams.replace(next, created.etag);

        expect(replaced.value).toEqual(next);
        expect(replaced.etag).not.toBe(created.etag);
        await expect(repos.teams.replace({ ...created.value, name: 'Stale' }, created.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(repos.teams.get(next.id)).resolves.toEqual(replaced);
      });

      it('when a team is deleted, then it is gone, a second delete is fine, replacing it is a NotFoundError, and other teams stay', async () => {
        const created = await repos.teams.create(aTeam());
        const other = await repos.teams.create(aTeam());

        await repos.teams.delete(created.value.id);

        await expect(repos.teams.get(created.value.id)).resolves.toBeUndefined();
        await expect(repos.teams.delete(created.value.id)).resolves.toBeUndefined();
        await expect(repos.teams.replace(created.value, created.etag)).rejects.toBeInstanceOf(NotFoundError);
        await expect(repos.teams.listDueForPosting(at(59), 10)).resolves.toEqual([other]);
      });

      it('when teams are due before, exactly at and after now, or not configured, then listDueForPosting returns the first two, earliest first, at most limit', async () => {
        await repos.teams.create(aTeam({ id: aKey('due-later'), nextPostAt: at(31) }));
        await repos.teams.create(aTeam({ id: aKey('due-exactly'), nextPostAt: at(30) }));
        await repos.teams.create(anUnconfiguredTeam({ id: aKey('unconfigured') }));
        await repos.teams.create(aTeam({ id: aKey('due-early'), nextPostAt: at(10) }));
        const { nextPostAt: _next, ...paused } = aTeam({ id: aKey('paused') });
        await repos.teams.create(paused);

        const due = await repos.teams.listDueForPosting(at(30), 10);

        expect(due.map(({ value }) => value.id)).toEqual([aKey('due-early'), aKey('due-exactly')]);
        await expect(repos.teams.get(aKey('due-early'))).resolves.toEqual(due[0]);
        await expect(repos.teams.listDueForPosting(at(30), 1)).resolves.toEqual([due[0]]);
        await expect(repos.teams.listDueForPosting(at(9), 10)).resolves.toEqual([]);
      });

      it('when 12 teams are listed 5 at a time, then the pages hold 5, 5 and 2, configured or not, each once', async () => {
        const minutes = Array.from({ length: 12 }, (_, index) => (index * 5) % 12);
        for (const minute of minutes) {
          const id = aKey(`team-${String(minute).padStart(2, '0')}`);
          await repos.teams.create(minute % 3 === 0 ? anUnconfiguredTeam({ id, installedAt: at(minute) }) : aTeam({ id, installedAt: at(minute) }));
        }

        const { pages } = await allPages((page) => repos.teams.list(page), 5);

        expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
        const listed = pages.flat();
        expect(listed.map(({ value }) => value.installedAt)).toEqual(Array.from({ length: 12 }, (_, minute) => at(minute)));
        expect(new Set(listed.map(({ value }) => value.id)).size).toBe(12);
        await expect(repos.teams.get(listed[3].value.id)).resolves.toEqual(listed[3]);
      });

      it('when no team installed the bot, then the listing is one empty page', async () => {
        await expect(repos.teams.list()).resolves.toEqual({ items: [] });
      });
    });

    describe('team actions', () => {
      it('when an action is created, then get returns exactly that record with the etag create returned, and a second create is a ConflictError', async () => {
        const record = aTeamAction({ id: 'action-dup' });
        const created = await repos.teamActions.create(record);
        expect(created).toEqual({ value: record, etag: expect.any(String) });
        await expect(repos.teamActions.get('action-dup')).resolves.toEqual(created);

        await expect(repos.teamActions.create(aTeamAction({ id: 'action-dup', state: 'done', isOpen: false }))).rejects.toBeInstanceOf(ConflictError);
        await expect(repos.teamActions.get('action-dup')).resolves.toEqual(created);
        await expect(repos.teamActions.get('action-missing')).resolves.toBeUndefined();
      });

      it('when an action is replaced with its current etag, then the new version is stored, a stale etag is a ConcurrencyError, and a missing action a NotFoundError', async () => {
        const created = await repos.teamActions.create(aTeamAction());
        const { nextDueAt: _next, ...open } = created.value;
        const done: TeamActionRecord = {
          ...open,
          state: 'done',
          isOpen: false,
          doneAt: at(45),
          clocks: [{ ...created.value.clocks[0], stoppedAt: at(45) }],
          history: [...created.value.history, { at: at(45), actor: aKey('owner-1'), type: 'done' }],
        };

        const replaced = await repos.teamActions.replace(done, created.etag);

        expect(replaced.value).toEqual(done);
        expect(replaced.value).not.toHaveProperty('nextDueAt');
        expect(replaced.etag).not.toBe(created.etag);
        await expect(repos.teamActions.replace({ ...created.value, dueAt: at(55) }, created.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(repos.teamActions.get(done.id)).resolves.toEqual(replaced);
        await expect(repos.teamActions.replace(aTeamAction({ id: 'action-never-stored' }), created.etag)).rejects.toBeInstanceOf(NotFoundError);
      });

      it('when actions are due before, exactly at and after now, or done, then listDueForReminders returns the first two, earliest first, at most limit', async () => {
        await repos.teamActions.create(aTeamAction({ id: 'due-later', nextDueAt: at(31) }));
        await repos.teamActions.create(aTeamAction({ id: 'due-exactly', nextDueAt: at(30) }));
        const { nextDueAt: _next, ...done } = aTeamAction({ id: 'done', state: 'done', isOpen: false, doneAt: at(5) });
        await repos.teamActions.create(done);
        await repos.teamActions.create(aTeamAction({ id: 'due-early', nextDueAt: at(10) }));

        const due = await repos.teamActions.listDueForReminders(at(30), 10);

        expect(due.map(({ value }) => value.id)).toEqual(['due-early', 'due-exactly']);
        await expect(repos.teamActions.get('due-early')).resolves.toEqual(due[0]);
        await expect(repos.teamActions.listDueForReminders(at(30), 1)).resolves.toEqual([due[0]]);
        await expect(repos.teamActions.listDueForReminders(at(9), 10)).resolves.toEqual([]);
      });

      it('when 7 open and some done actions are listed 3 at a time, then listOpen pages hold 3, 3 and 1 open actions, oldest first, each once', async () => {
        const minutes = Array.from({ length: 10 }, (_, index) => (index * 3) % 10);
        for (const minute of minutes) {
          const open = minute % 4 !== 1;
          await repos.teamActions.create(aTeamAction({ id: `action-${minute}`, createdAt: at(minute), state: open ? 'open' : 'done', isOpen: open }));
        }

        const { pages } = await allPages((page) => repos.teamActions.listOpen(page), 3);

        expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
        const listed = pages.flat();
        expect(listed.map(({ value }) => value.id)).toEqual(['action-0', 'action-2', 'action-3', 'action-4', 'action-6', 'action-7', 'action-8']);
        await expect(repos.teamActions.get('action-7')).resolves.toEqual(listed[5]);
      });

      it('when two owners have open and done actions, then listOpenByOwner pages one owner’s open actions only, earliest due first, each once', async () => {
        const owner = aKey('owner');
        const due = [14, 3, 9, 27, 20];
        for (const [index, minute] of due.entries()) await repos.teamActions.create(aTeamAction({ id: `mine-${minute}`, ownerKey: owner, dueAt: at(minute), createdAt: at(50 - index) }));
        await repos.teamActions.create(aTeamAction({ id: 'mine-done', ownerKey: owner, dueAt: at(1), state: 'done', isOpen: false, doneAt: at(2) }));
        await repos.teamActions.create(aTeamAction({ id: 'theirs', ownerKey: aKey('someone else'), dueAt: at(2) }));

        const { pages } = await allPages((page) => repos.teamActions.listOpenByOwner(owner, page), 2);

        expect(pages.map((page) => page.map(({ value }) => value.id))).toEqual([['mine-3', 'mine-9'], ['mine-14', 'mine-20'], ['mine-27']]);
        await expect(repos.teamActions.listOpenByOwner(aKey('nobody'))).resolves.toEqual({ items: [] });
      });

      it('when actions were agreed before, at, inside and at the end of a window, then listCreatedBetween returns those from `from` up to but not including `to`, open and done, oldest first, paged', async () => {
        await repos.teamActions.create(aTeamAction({ id: 'at-to', createdAt: at(20) }));
        await repos.teamActions.create(aTeamAction({ id: 'inside-done', createdAt: at(19), state: 'done', isOpen: false, doneAt: at(21) }));
        await repos.teamActions.create(aTeamAction({ id: 'before', createdAt: at(9) }));
        await repos.teamActions.create(aTeamAction({ id: 'inside-open', createdAt: at(15) }));
        await repos.teamActions.create(aTeamAction({ id: 'at-from', createdAt: at(10) }));
        await repos.teamActions.create(aTeamAction({ id: 'after', createdAt: at(25) }));

        const { pages } = await allPages((page) => repos.teamActions.listCreatedBetween(at(10), at(20), page), 2);

        expect(pages.map((page) => page.map((record) => record.id))).toEqual([['at-from', 'inside-open'], ['inside-done']]);
        await expect(repos.teamActions.listCreatedBetween(at(10), at(20))).resolves.toEqual({ items: pages.flat() });
        await expect(repos.teamActions.listCreatedBetween(at(26), at(59))).resolves.toEqual({ items: [] });
      });
    });

    describe('purge log', () => {
      it('when an entry is appended twice, then the second append is false and the first entry stays as it was', async () => {
        const entry = aPurgeLogEntry('a', at(1));
        await expect(repos.purgeLog.append(entry)).resolves.toBe(true);

        await expect(repos.purgeLog.append({ ...entry, purgedAt: at(9), outcome: 'withdrawn' })).resolves.toBe(false);

        await expect(repos.purgeLog.list()).resolves.toEqual({ items: [entry] });
      });

      it('when 12 entries are listed 5 at a time, then the pages hold 5, 5 and 2, oldest purge first, each once', async () => {
        // Appended in shuffled order, so the listing order must come from purgedAt.
        const minutes = Array.from({ length: 12 }, (_, index) => (index * 5) % 12);
        for (const minute of minutes) await repos.purgeLog.append(aPurgeLogEntry(`case-${minute}`, at(minute)));

        const { pages } = await allPages((page) => repos.purgeLog.list(page), 5);

        expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
        expect(pages.flat().map((entry) => entry.purgedAt)).toEqual(Array.from({ length: 12 }, (_, minute) => at(minute)));
      });

      it('when nothing was purged, then the register is one empty page', async () => {
        await expect(repos.purgeLog.list()).resolves.toEqual({ items: [] });
      });
    });
  });
}
