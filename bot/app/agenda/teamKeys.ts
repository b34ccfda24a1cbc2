import { createHash } from 'node:crypto';
import type { Pseudonymizer } from '../common/cryptoPorts';

/** The key of an installed team (its document id): a keyed pseudonym of the Teams team id. */
export function teamKeyFor(deps: { pseudonyms: Pseudonymizer }, teamId: string): string {
  return deps.pseudonyms.pseudonym('conversation', `team:${teamId}`);
}

/** Where the team channel's sealed conversation reference is stored, and the outbox's conversation key for it. */
export function channelKeyFor(teamKey: string): string {
  return `channel:${teamKey}`;
}

/** A deterministic opaque id (sha256, base64url) from its parts: retried work yields the same id. */
export function derivedId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}
