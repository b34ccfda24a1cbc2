import type { Versioned } from '../app/common/storePorts';
import { parseEmbeddedLogRecord } from './embeddedLogRecord';

/**
 * Rebuilds a container's documents from its log text.
 *
 * Every record is written as one line ending in a newline, and a write is acknowledged only after
 * the whole line is on disk. So a last piece without its newline is a write torn by a crash that
 * nobody was told succeeded: it is dropped. A bad line anywhere before it is real corruption,
 * which is reported (file and line) rather than guessed around.
 */
export function replayEmbeddedLog<T extends { id: string }>(text: string, file: string): Map<string, Versioned<T>> {
  const docs = new Map<string, Versioned<T>>();
  const lines = text.split('\n');
  const complete = lines.slice(0, -1);
  complete.forEach((line, index) => {
    const record = parseEmbeddedLogRecord<T>(line);
    if (!record) {
      throw new Error(
        `The embedded store file ${file} is corrupt at line ${index + 1}: not a valid record. ` +
          'Restore the file from a backup; it is not repaired automatically so that no data is silently lost.',
      );
    }
    if (record.op === 'put') docs.set(record.doc.id, { value: record.doc, etag: record.etag });
    else docs.delete(record.id);
  });
  return docs;
}
