/**
 * The embedded store's write path alone: 50 writers at once, 10 upserts each (~1 KB), through
 * this build's `EmbeddedDocumentContainer` and, with BENCH_BASELINE_DIST, through another build's
 * (before group commit: one append and one fsync per write), alternating, 5 rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportBenchmark } from './benchReport';
import { formatRatio, ratioSpread } from './ratioSpread';

type ContainerModule = typeof import('../bot/storage/embeddedDocumentContainer');
type LockModule = typeof import('../bot/storage/directoryLock');

const WRITERS = 50;
const WRITES_EACH = 10;
const ROUNDS = 5;

async function writeBurst(distBot: string): Promise<number> {
  const { acquireDirectoryLock } = require(join(distBot, 'storage', 'directoryLock')) as LockModule;
  const { EmbeddedDocumentContainer } = require(join(distBot, 'storage', 'embeddedDocumentContainer')) as ContainerModule;
  const dir = mkdtempSync(join(tmpdir(), 'vm-bench-commit-'));
  const lock = await acquireDirectoryLock(dir);
  const container = await EmbeddedDocumentContainer.open<{ id: string; text: string }>(lock, 'docs');
  try {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let index = 0; index < WRITES_EACH; index += 1) await container.upsert({ id: `doc-${writer}-${index}`, text: 'x'.repeat(1000) });
      }),
    );
    return performance.now() - started;
  } finally {
    await container.close();
    await lock.release();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints and writes `store-group-commit`. */
export async function runGroupCommitBenchmark(baselineDist: string | undefined): Promise<void> {
  const current = join(__dirname, '..', 'bot');
  const baseline = baselineDist ? join(baselineDist, 'bot') : undefined;
  const now: number[] = [];
  const before: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    if (baseline && round % 2 === 1) before.push(await writeBurst(baseline));
    now.push(await writeBurst(current));
    if (baseline && round % 2 === 0) before.push(await writeBurst(baseline));
  }
  const rows: Record<string, unknown>[] = [{ build: 'this build', 'median ms': ratioSpread(now).median.toFixed(0), 'writes/s': ((WRITERS * WRITES_EACH * 1000) / ratioSpread(now).median).toFixed(0) }];
  if (baseline) {
    rows.push({ build: `baseline (${baselineDist})`, 'median ms': ratioSpread(before).median.toFixed(0), 'writes/s': ((WRITERS * WRITES_EACH * 1000) / ratioSpread(before).median).toFixed(0) });
    rows.push({ build: 'this / baseline', 'median ms': formatRatio(ratioSpread(now.map((ms, index) => ms / before[index]))) });
  }
  reportBenchmark({ name: 'store-group-commit', title: `Embedded store writes: ${WRITERS} writers at once × ${WRITES_EACH} upserts of ~1 KB, ${ROUNDS} rounds${baseline ? ', alternating with the baseline build' : ''}`, rows, details: { now, before } });
}
