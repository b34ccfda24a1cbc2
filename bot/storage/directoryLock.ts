import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Proof that this process owns a data directory of the embedded store. */
export interface DirectoryLock {
  readonly dataDir: string;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

/** Owner-only: the directory holds confidential (if sealed) case data. */
const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Takes the exclusive lock on `dataDir` (creating the directory if needed): a `.lock` file
 * holding this process's pid, created with `wx` so that only one process can create it.
 *
 * The embedded store keeps its documents in memory and only appends to its files, so two
 * processes on one directory would silently lose each other's writes; the lock makes the second
 * one fail instead. A lock left by a process that no longer runs (a crash, `kill -9`) is taken over.
 * A new directory gets mode 0700; an existing directory's mode is left as the operator set it.
 */
export async function acquireDirectoryLock(dataDir: string): Promise<DirectoryLock> {
  await mkdir(dataDir, { recursive: true, mode: DIRECTORY_MODE });
  const lockPath = join(dataDir, '.lock');
  const ownPid = String(process.pid);
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx', FILE_MODE);
      try {
        await handle.writeFile(ownPid, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return lockFor(dataDir, lockPath, ownPid);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = (await readFile(lockPath, 'utf8').catch(() => '')).trim();
    const pid = /^\d+$/.test(holder) ? Number(holder) : undefined;
    if (pid === undefined) {
      throw new Error(
        `The embedded store in ${dataDir} is locked, but its lock file ${lockPath} names no process. ` +
          'If no other process uses this directory, delete the lock file.',
      );
    }
    if (isRunning(pid)) {
      throw new Error(
        `The embedded store in ${dataDir} is already open in process ${pid} (lock file ${lockPath}). ` +
          'It supports one process at a time; stop the other one first (or delete the lock file if that process is not the store).',
      );
    }
    await unlink(lockPath).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
  }
  throw new Error(`Could not take the lock ${lockPath}: another process took it at the same time.`);
}

function lockFor(dataDir: string, lockPath: string, ownPid: string): DirectoryLock {
  let released = false;
  return {
    dataDir,
    async release() {
      if (released) return;
      released = true;
      // Only remove the file while it is still ours, never a lock another process took over.
      const holder = await readFile(lockPath, 'utf8').catch(() => undefined);
      if (holder?.trim() === ownPid) await unlink(lockPath).catch(() => undefined);
    },
  };
}

/** Signal 0 checks for existence only; EPERM means it runs under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
