import { randomBytes } from 'node:crypto';
import type { KeySet } from '../../bot/security/keyRing';
import { HmacExclusionMarker } from '../../bot/security/hmacExclusionMarker';

function keySet(active: string, ...kids: string[]): KeySet {
  return { active, keys: new Map([active, ...kids].map((kid) => [kid, randomBytes(32)])) };
}

describe('exclusion marks', () => {
  it('when a case is marked for two people, then exactly those two are marked, on that case only', () => {
    const marker = new HmacExclusionMarker(keySet('k1'));
    const marks = marker.mark('case-1', ['manager', 'managers-manager']);
    expect(marker.isMarked('case-1', 'manager', marks)).toBe(true);
    expect(marker.isMarked('case-1', 'managers-manager', marks)).toBe(true);
    expect(marker.isMarked('case-1', 'colleague', marks)).toBe(false);
    expect(marker.isMarked('case-2', 'manager', marks)).toBe(false);
  });

  it('when the key is rotated and the old one kept, then marks made before still refuse the same people', () => {
    const before = keySet('k1');
    const marks = new HmacExclusionMarker(before).mark('case-1', ['manager']);
    const after = new HmacExclusionMarker({ active: 'k2', keys: new Map([...before.keys, ['k2', randomBytes(32)]]) });
    expect(after.isMarked('case-1', 'manager', marks)).toBe(true);
    expect(after.isMarked('case-1', 'colleague', marks)).toBe(false);
  });

  it('when the key the marks were made with has been removed from the ring, then everyone counts as excluded (fail closed)', () => {
    const marks = new HmacExclusionMarker(keySet('k1')).mark('case-1', ['manager']);
    const withoutOldKey = new HmacExclusionMarker(keySet('k2'));
    expect(withoutOldKey.isMarked('case-1', 'manager', marks)).toBe(true);
    expect(withoutOldKey.isMarked('case-1', 'colleague', marks)).toBe(true);
  });
});
