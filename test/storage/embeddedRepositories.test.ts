import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Repositories } from '../../bot/app/common/repositories';
import { ValidationError } from '../../bot/domain/errors';
import { createEmbeddedRepositories } from '../../bot/storage/createEmbeddedRepositories';
import { dumpEmbeddedStore } from '../../bot/storage/dumpEmbeddedStore';
import { describeAttemptRepositoryContract } from './attemptRepositoryContract';
import { describeAuditRepositoryContract } from './auditRepositoryContract';
import { describeRepositoryContract, type OpenedRepositories } from './repositoryContract';
import { runTypeScriptChild } from './runTypeScriptChild';
import { aCase, aDraft, aKey, aSealedRecord, at } from './storageFixtures';

const REPOSITORY_ROOT = resolve(__dirname, '..', '..');
const POSIX = process.platform !== 'win32';

async function freshDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'veilig-melden-store-'));
}

/** The directories made by a test, removed after it (closing first whatever it left open). */
const dirs: string[] = [];
const openRepos: Repositories[] = [];

async function openIn(dataDir: string): Promise<Repositories> {
  const repos = await createEmbeddedRepositories(dataDir);
  openRepos.push(repos);
  return repos;
}

async function newStore(): Promise<{ dataDir: string; repos: Repositories }> {
  const dataDir = await freshDir();
  dirs.push(dataDir);
  return { dataDir, repos: await openIn(dataDir) };
}

afterEach(async () => {
  await Promise.all(openRepos.splice(0).map((repos) => repos.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

/** Fresh repositories per test, removed afterwards: the same opening for every contract suite. */
async function openFresh(): Promise<OpenedRepositories> {
  const dataDir = await freshDir();
  const repos = await createEmbeddedRepositories(dataDir);
  return {
    repos,
    async cleanup() {
      await repos.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describeRepositoryContract('embedded store', openFresh);
describeAuditRepositoryContract('embedded store', openFresh);
describeAttemptRepositoryContract('embedded store', openFresh);

describe('embedded store: durability', () => {
  it('when the store is closed and reopened, then every record is back with the same etag', async () => {
    const { dataDir, repos } = await newStore();
    const kase = await repos.cases.create(aCase());
    const draft = await repos.drafts.save(aDraft());
    const reference = aSealedRecord({ id: aKey('user-2') });
    const relay = aSealedRecord({ id: 'relay-1' });
    await repos.conversationReferences.put(reference);
    await repos.relayAddresses.put(relay);
    await repos.close();

    const reopened = await openIn(dataDir);

    await expect(reopened.cases.get(kase.value.id)).resolves.toEqual(kase);
    await expect(reopened.drafts.get(draft.value.id)).resolves.toEqual(draft);
    await expect(reopened.conversationReferences.get(reference.id)).resolves.toEqual(reference);
    await expect(reopened.relayAddresses.get(relay.id)).resolves.toEqual(relay);
    await expect(reopened.cases.replace({ ...kase.value, state: 'closed' }, kase.etag)).resolves.toMatchObject({ value: { state: 'closed' } });
  });

  it('when a crash tore the last line of a log, then reopening keeps every complete record and drops the torn one', async () => {
    const { dataDir, repos } = await newStore();
    const first = await repos.cases.create(aCase({ id: 'case-1' }));
    const second = await repos.cases.create(aCase({ id: 'case-2' }));
    await repos.close();
    const log = join(dataDir, 'cases.jsonl');
    await appendFile(log, '{"op":"put","etag":"e3","doc":{"id":"case-3","refer');

    const reopened = await openIn(dataDir);

    await expect(reopened.cases.get('case-1')).resolves.toEqual(first);
    await expect(reopened.cases.get('case-2')).resolves.toEqual(second);
    await expect(reopened.cases.get('case-3')).resolves.toBeUndefined();
    const text = await readFile(log, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines(text)).toHaveLength(2);
  });

  it('when a log is corrupt before its last line, then opening fails naming the file and the line', async () => {
    const { dataDir, repos } = await newStore();
    await repos.cases.create(aCase({ id: 'case-1' }));
    await repos.cases.create(aCase({ id: 'case-2' }));
    await repos.close();
    const log = join(dataDir, 'cases.jsonl');
    const [firstLine, secondLine] = lines(await readFile(log, 'utf8'));
    await writeFile(log, `${firstLine}\n${secondLine.slice(0, 20)}\n${firstLine}\n`);

    await expect(createEmbeddedRepositories(dataDir)).rejects.toThrow(`${log} is corrupt at line 2`);
    // The failed open must not hold the directory.
    await expect(readdir(dataDir)).resolves.not.toContain('.lock');
  });

  it.each([
    ['one writer', []],
    ['eight writers at once (group commits)', ['concurrent']],
  ])('when the process is killed with SIGKILL mid-write (%s), then every acknowledged write survives and the stale lock is taken over', async (_name, mode) => {
    const dataDir = await freshDir();
    dirs.push(dataDir);
    const child = runTypeScriptChild(join(__dirname, 'embeddedCrashWriter.ts'), [dataDir, ...mode], REPOSITORY_ROOT);
    const acknowledged: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolveExit) => child.on('exit', (_code, signal) => resolveExit(signal)));
    let buffered = '';
    await new Promise<void>((resolveEnough, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const complete = buffered.split('\n');
        buffered = complete.pop() ?? '';
        acknowledged.push(...complete);
        if (acknowledged.length >= 40) {
          child.kill('SIGKILL');
          resolveEnough();
        }
      });
      child.on('exit', () => reject(new Error(`the writer stopped before it was killed: ${stderr}`)));
    });
    await expect(exited).resolves.toBe('SIGKILL');
    expect(await readFile(join(dataDir, '.lock'), 'utf8')).toBe(String(child.pid));

    const reopened = await openIn(dataDir);

    for (const id of acknowledged) await expect(reopened.relayAddresses.get(id)).resolves.toMatchObject({ id });
    expect(await readFile(join(dataDir, '.lock'), 'utf8')).toBe(String(process.pid));
  });
});

describe('embedded store: files', () => {
  it('when a log has overwrites and deletes, then reopening compacts it to one line per live document', async () => {
    const { dataDir, repos } = await newStore();
    let draft = await repos.drafts.save(aDraft({ id: aKey('kept'), step: 'what' }));
    for (const step of ['want', 'identity', 'involved'] as const) draft = await repos.drafts.save({ ...draft.value, step }, draft.etag);
    await repos.drafts.save(aDraft({ id: aKey('dropped') }));
    await repos.drafts.delete(aKey('dropped'));
    await repos.close();
    expect(lines(await readFile(join(dataDir, 'drafts.jsonl'), 'utf8'))).toHaveLength(6);

    const reopened = await openIn(dataDir);

    const compacted = lines(await readFile(join(dataDir, 'drafts.jsonl'), 'utf8')).map((line) => JSON.parse(line) as unknown);
    expect(compacted).toEqual([{ op: 'put', etag: draft.etag, doc: draft.value }]);
    await expect(reopened.drafts.get(aKey('kept'))).resolves.toEqual(draft);
    expect((await readdir(dataDir)).sort()).toEqual(['.lock', 'attempts.jsonl', 'audit.jsonl', 'cases.jsonl', 'conversationReferences.jsonl', 'drafts.jsonl', 'outbox.jsonl', 'purgeLog.jsonl', 'relayAddresses.jsonl', 'teamActions.jsonl', 'teams.jsonl']);
  });

  (POSIX ? it : it.skip)('when the store creates its directory and files, then only the owner may read them (0700 and 0600)', async () => {
    const parent = await freshDir();
    dirs.push(parent);
    const dataDir = join(parent, 'store');
    const repos = await openIn(dataDir);
    await repos.cases.create(aCase());

    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(dataDir)) expect({ name, mode: (await stat(join(dataDir, name))).mode & 0o777 }).toEqual({ name, mode: 0o600 });
  });

  it('when the raw store is dumped, then it holds the stored sealed values', async () => {
    const { dataDir, repos } = await newStore();
    const record = aSealedRecord();
    await repos.conversationReferences.put(record);

    const dump = await dumpEmbeddedStore(dataDir);

    expect(dump).toContain(record.sealed.ct);
    expect(dump).toContain(record.id);
  });
});

describe('embedded store: one process at a time', () => {
  it('when a directory is opened a second time while open, then the second open fails and says why', async () => {
    const { dataDir, repos } = await newStore();

    await expect(createEmbeddedRepositories(dataDir)).rejects.toThrow(`already open in process ${process.pid}`);

    await repos.close();
    const reopened = await openIn(dataDir);
    await expect(reopened.cases.get('case-none')).resolves.toBeUndefined();
  });

  it('when the lock was left by a process that no longer runs, then it is taken over', async () => {
    const dataDir = await freshDir();
    dirs.push(dataDir);
    const finished = spawnSync(process.execPath, ['-e', '']);
    await writeFile(join(dataDir, '.lock'), String(finished.pid));

    const repos = await openIn(dataDir);

    expect(await readFile(join(dataDir, '.lock'), 'utf8')).toBe(String(process.pid));
    await repos.close();
    await expect(readdir(dataDir)).resolves.not.toContain('.lock');
  });

  it('when the lock file names no process, then opening fails and tells what to do', async () => {
    const dataDir = await freshDir();
    dirs.push(dataDir);
    await writeFile(join(dataDir, '.lock'), '');

    await expect(createEmbeddedRepositories(dataDir)).rejects.toThrow('delete the lock file');
  });

  it('when the store is closed, then further calls fail instead of writing nowhere', async () => {
    const { repos } = await newStore();
    await repos.close();
    await expect(repos.cases.create(aCase())).rejects.toThrow(/closed/);
    await expect(repos.close()).resolves.toBeUndefined();
  });
});

describe('embedded store: queries', () => {
  it('when a continuation token was not made by the store, then it is a ValidationError', async () => {
    const { repos } = await newStore();
    await repos.cases.create(aCase({ reporterKey: aKey('r'), receivedAt: at(1) }));
    await expect(repos.cases.listByReporter(aKey('r'), { continuationToken: 'not-a-token' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('when writes are started together, then they are all applied and each create of one id wins once', async () => {
    const { repos } = await newStore();
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => repos.cases.create(aCase({ id: 'case-race', receivedAt: at(index) }))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const ids = Array.from({ length: 10 }, (_, index) => `case-${index}`);
    await Promise.all(ids.map((id) => repos.cases.create(aCase({ id }))));
    for (const id of ids) await expect(repos.cases.get(id)).resolves.toBeDefined();
  });
});
