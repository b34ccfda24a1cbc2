import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EXCLUSION_MARK_BLOCK, type ExclusionMarker, type ExclusionMarks } from '../app/common/cryptoPorts';
import type { KeySet } from './keyRing';

/**
 * Exclusion marks: HMAC-SHA-256 over `<caseId>\n<personId>` with the 'exclusion' key set, so the
 * same person gives unrelated marks on two cases, and neither the content key nor the pseudonym
 * key can test a person against a case. Sealing uses the active key; a mark is checked with the
 * key it was made with (kept in the ring after a rotation).
 */
export class HmacExclusionMarker implements ExclusionMarker {
  constructor(private readonly keys: KeySet) {}

  mark(caseId: string, personIds: readonly string[]): ExclusionMarks {
    const unique = [...new Set(personIds)];
    const marks = unique.map((personId) => this.hash(this.keys.active, caseId, personId));
    const size = Math.max(EXCLUSION_MARK_BLOCK, Math.ceil(marks.length / EXCLUSION_MARK_BLOCK) * EXCLUSION_MARK_BLOCK);
    while (marks.length < size) marks.push(randomBytes(32).toString('base64url'));
    // Sorted, so the order says nothing about which was the direct manager or which were padding.
    return { kid: this.keys.active, marks: marks.sort() };
  }

  /**
   * Whether the person is among the marks. Marks made with a key no longer in the ring cannot be
   * checked: then everyone counts as marked (fail closed), so a removed key never lets the people
   * a case was kept from see it.
   */
  isMarked(caseId: string, personId: string, stored: ExclusionMarks): boolean {
    if (!this.keys.keys.has(stored.kid)) return true;
    const expected = Buffer.from(this.hash(stored.kid, caseId, personId));
    let found = false;
    for (const mark of stored.marks) {
      const candidate = Buffer.from(mark);
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) found = true;
    }
    return found;
  }

  private hash(kid: string, caseId: string, personId: string): string {
    return createHmac('sha256', this.keys.keys.get(kid) as Buffer).update(`${caseId}\n${personId}`, 'utf8').digest('base64url');
  }
}
