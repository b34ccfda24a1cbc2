import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every byte the embedded store keeps in `dataDir`, as one utf8 string (files in name order).
 * For confidentiality tests that assert no plaintext or identifier ever reaches the disk.
 */
export async function dumpEmbeddedStore(dataDir: string): Promise<string> {
  const entries = await readdir(dataDir, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  const contents = await Promise.all(files.map((name) => readFile(join(dataDir, name), 'utf8')));
  return contents.join('\n');
}
