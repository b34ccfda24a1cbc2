/**
 * The audit record's part of the repository contract (and the cases' `listWithPendingAudit`),
 * run against each backend by its own test file next to the shared contract suite.
 */
import type { AuditEntry } from '../../bot/app/audit/auditPorts';
import type { Page, PageRequest } from '../../bot/app/common/storePorts';
import type { OpenedRepositories } from './repositoryContract';
import { aCase, aKey, aSealed, at } from './storageFixtures';

/** An audit entry of `caseId` at `minutes` after 09:00 on 1 March 2025, as the flush writes it. */
function anAuditEntry(caseId: string, index: number, minutes: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  const when = at(minutes);
  return {
    id: `${caseId}-e${index}`,
    caseId,
    reference: `VM-${caseId.slice(-4).toUpperCase()}-AAAA`,
    unitId: 'u-clas',
    at: when,
    action: 'content_opened',
    actorRole: 'handler',
    actorKey: aKey('handler'),
    sealedActor: aSealed('identity-2025-01'),
    sortKey: `${when}#${String(index).padStart(6, '0')}`,
    ...overrides,
  };
}

async function allPages<T>(list: (page: PageRequest) => Promise<Page<T>>, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let continuationToken: string | undefined;
  do {
    const page = await list({ limit, continuationToken });
    pages.push(page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && pages.length < 100);
  return pages;
}

/** Registers the audit contract suite under `name`. */
export function describeAuditRepositoryContract(name: string, open: () => Promise<OpenedRepositories>): void {
  describe(`${name}: audit record contract`, () => {
    let opened: OpenedRepositories;

    beforeEach(async () => {
      opened = await open();
    });

    afterEach(async () => {
      await opened.cleanup();
    });

    it('when an entry is appended twice, then the second append is false and the first entry stays as it was', async () => {
      const { audit } = opened.repos;
      const first = anAuditEntry('case-aaaa', 0, 0);
      expect(await audit.append(first)).toBe(true);
      expect(await audit.append({ ...first, action: 'closed', actorRole: 'system' })).toBe(false);
      expect((await audit.listByCase('case-aaaa')).items).toEqual([first]);
    });

    it('when entries of two cases share a moment, then listByCase returns one case\'s entries in sortKey order, paged, each once', async () => {
      const { audit } = opened.repos;
      // Appended out of order; three at the same minute keep their history order through the sortKey.
      const entries = [anAuditEntry('case-bbbb', 2, 5), anAuditEntry('case-bbbb', 0, 5), anAuditEntry('case-bbbb', 4, 9), anAuditEntry('case-bbbb', 1, 5), anAuditEntry('case-bbbb', 3, 7)];
      for (const entry of entries) await audit.append(entry);
      await audit.append(anAuditEntry('case-cccc', 0, 5));

      const pages = await allPages((page) => audit.listByCase('case-bbbb', page), 2);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat().map((entry) => entry.id)).toEqual([0, 1, 2, 3, 4].map((index) => `case-bbbb-e${index}`));
    });

    it('when entries are listed by reference, then only that reference\'s come, in order (also when the case is gone)', async () => {
      const { audit } = opened.repos;
      await audit.append(anAuditEntry('case-dddd', 1, 3, { action: 'purged', actorRole: 'system', actorKey: undefined, sealedActor: undefined }));
      await audit.append(anAuditEntry('case-dddd', 0, 1));
      await audit.append(anAuditEntry('case-eeee', 0, 2));

      const { items } = await audit.listByReference('VM-DDDD-AAAA', { limit: 10 });
      expect(items.map((entry) => [entry.id, entry.action])).toEqual([
        ['case-dddd-e0', 'content_opened'],
        ['case-dddd-e1', 'purged'],
      ]);
      expect((await audit.listByReference('VM-9999-9999')).items).toEqual([]);
    });

    it('when entries are listed as before a moment, then only older ones come, oldest first, at most the limit; deleted ones are gone', async () => {
      const { audit } = opened.repos;
      for (const [index, minutes] of [30, 10, 20, 40].entries()) await audit.append(anAuditEntry('case-ffff', index, minutes));

      expect((await audit.listBefore(at(30), 10)).map((entry) => entry.at)).toEqual([at(10), at(20)]);
      expect((await audit.listBefore(at(41), 2)).map((entry) => entry.at)).toEqual([at(10), at(20)]);

      await audit.delete('case-ffff-e1');
      await audit.delete('case-ffff-e1');
      expect((await audit.listBefore(at(30), 10)).map((entry) => entry.at)).toEqual([at(20)]);
      expect((await audit.listByCase('case-ffff')).items.map((entry) => entry.id)).toEqual(['case-ffff-e2', 'case-ffff-e0', 'case-ffff-e3']);
    });

    it('when cases have audit pending, absent or cleared, then listWithPendingAudit returns only the pending ones, at most the limit', async () => {
      const { cases } = opened.repos;
      const pending = [aCase({ auditPending: true }), aCase({ auditPending: true }), aCase({ auditPending: true })];
      for (const record of [...pending, aCase(), aCase({ auditPending: false, auditedCount: 1 })]) await cases.create(record);

      const all = await cases.listWithPendingAudit(10);
      expect(all.map(({ value }) => value.id).sort()).toEqual(pending.map((record) => record.id).sort());
      expect(await cases.listWithPendingAudit(2)).toHaveLength(2);

      const first = all[0];
      await cases.replace({ ...first.value, auditPending: false, auditedCount: first.value.history.length }, first.etag);
      expect((await cases.listWithPendingAudit(10)).map(({ value }) => value.id)).not.toContain(first.value.id);
    });
  });
}
