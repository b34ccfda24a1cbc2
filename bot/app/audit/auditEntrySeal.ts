import type { AuditEntry } from './auditPorts';
import type { Pseudonymizer } from '../common/cryptoPorts';

/** An audit entry's fields in a fixed order (keys sorted at every level), so the same entry always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The tamper seal of an audit entry: a keyed MAC (HMAC-SHA-256 with the key ring's pseudonym key,
 * sub-key "audit") over every field but the seal itself. Someone who can write the database but
 * does not hold the key ring cannot change an entry, move it to another case or make one up
 * without the export noticing; deleting entries shows as a gap in a case's numbered history.
 */
export function auditEntrySeal(deps: { pseudonyms: Pseudonymizer }, entry: AuditEntry): string {
  const { seal: _seal, ...fields } = entry;
  return deps.pseudonyms.pseudonym('audit', canonical(fields));
}

/** The entry with its seal. */
export function sealedAuditEntry(deps: { pseudonyms: Pseudonymizer }, entry: AuditEntry): AuditEntry {
  return { ...entry, seal: auditEntrySeal(deps, entry) };
}

/** What checking a case's audit entries found. */
export interface AuditIntegrity {
  /** Entries whose seal is missing or does not match (changed, moved or made up). */
  unsealed: number;
  /** History entries missing from the numbered sequence 0, 1, 2, … (deleted). */
  missing: number;
}

/** Checks the seals of a case's entries and that its history-derived entries (`sortKey` `…#000123`) are numbered without gaps. */
export function checkAuditIntegrity(deps: { pseudonyms: Pseudonymizer }, entries: readonly AuditEntry[]): AuditIntegrity {
  const unsealed = entries.filter((entry) => !entry.seal || entry.seal !== auditEntrySeal(deps, entry)).length;
  const numbers = entries
    .map((entry) => /#(\d{6})$/.exec(entry.sortKey)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number);
  const highest = numbers.length > 0 ? Math.max(...numbers) : -1;
  const missing = highest + 1 - new Set(numbers).size;
  return { unsealed, missing };
}
