import type { ContentCipher } from '../common/cryptoPorts';
import type { TeamRecord } from './agendaPorts';

/** A team member as the roster gave them. */
export interface TeamMember {
  userId: string;
  name: string;
}

/** The most members kept for the action-owner list (the card shows fewer; Teams' people picker searches everyone). */
const MAX_MEMBERS = 500;

export function sealMembers(deps: { cipher: ContentCipher }, teamKey: string, members: readonly TeamMember[]): TeamRecord['sealedMembers'] {
  return deps.cipher.seal('identity', members.slice(0, MAX_MEMBERS), `${teamKey}:members`);
}

export function openMembers(deps: { cipher: ContentCipher }, record: TeamRecord): TeamMember[] {
  if (!record.sealedMembers) return [];
  try {
    return deps.cipher.open<TeamMember[]>('identity', record.sealedMembers, `${record.id}:members`);
  } catch {
    return [];
  }
}
