/**
 * One line of an embedded store log file (JSON lines): the full new version of a document, or
 * its deletion. The last record for an id wins.
 */
export type EmbeddedLogRecord<T> = { op: 'put'; etag: string; doc: T } | { op: 'delete'; id: string };

/** Parses one line; undefined when it is not a well-formed record. */
export function parseEmbeddedLogRecord<T extends { id: string }>(line: string): EmbeddedLogRecord<T> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  if (record.op === 'delete' && typeof record.id === 'string') return { op: 'delete', id: record.id };
  const doc = record.doc as Record<string, unknown> | undefined;
  if (record.op === 'put' && typeof record.etag === 'string' && typeof doc === 'object' && doc !== null && typeof doc.id === 'string') {
    return { op: 'put', etag: record.etag, doc: doc as T };
  }
  return undefined;
}
