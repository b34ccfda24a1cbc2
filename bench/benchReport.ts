import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

/** Where each benchmark writes its JSON (git-ignored): `bench/results/<name>.json`. */
export const RESULTS_DIR = join(process.cwd(), 'bench', 'results');

/** One benchmark's outcome: a printed table, the same rows as JSON, and notes a reader needs. */
export interface BenchReport {
  name: string;
  title: string;
  rows: Record<string, unknown>[];
  notes?: string[];
  /** Anything else worth keeping in the JSON (raw samples, settings). */
  details?: Record<string, unknown>;
}

/** Prints the table and notes, and writes `bench/results/<name>.json` with a timestamp and the Node version. */
export function reportBenchmark(report: BenchReport): void {
  console.log(`\n${report.title} [load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs]`);
  console.table(report.rows);
  for (const note of report.notes ?? []) console.log(`  ${note}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${report.name}.json`);
  writeFileSync(file, `${JSON.stringify({ ...report, measuredAt: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage1m: loadavg()[0] }, null, 2)}\n`);
  console.log(`  (written to ${file})`);
}

