import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEmbeddedLogRecord } from '../../bot/storage/embeddedLogRecord';

/** The live documents of one container of an embedded store, read from its log file as it is on disk. */
export function readEmbeddedDocuments<T extends { id: string }>(dataDir: string, container: string): T[] {
  const file = join(dataDir, `${container}.jsonl`);
  if (!existsSync(file)) return [];
  const live = new Map<string, T>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const record = parseEmbeddedLogRecord<T>(line);
    if (record?.op === 'put') live.set(record.doc.id, record.doc);
    else if (record?.op === 'delete') live.delete(record.id);
  }
  return [...live.values()];
}
