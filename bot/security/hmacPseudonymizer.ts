import { createHmac, hkdfSync } from 'node:crypto';
import type { Pseudonymizer } from '../app/common/cryptoPorts';
import type { KeySet } from './keyRing';

type Kind = Parameters<Pseudonymizer['pseudonym']>[0];

/**
 * HMAC-SHA-256 pseudonyms with one sub-key per kind (HKDF), so a user pseudonym and a
 * conversation pseudonym of the same id cannot be matched. Uses the *active* pseudonym key:
 * pseudonyms are lookup keys, so rotating this key means re-keying lookups (a migration job),
 * unlike the content keys.
 */
export class HmacPseudonymizer implements Pseudonymizer {
  private readonly subKeys = new Map<Kind, Buffer>();

  constructor(private readonly keys: KeySet) {}

  pseudonym(kind: Kind, id: string): string {
    return createHmac('sha256', this.subKey(kind)).update(id, 'utf8').digest('base64url');
  }

  private subKey(kind: Kind): Buffer {
    let key = this.subKeys.get(kind);
    if (!key) {
      const master = this.keys.keys.get(this.keys.active) as Buffer;
      key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `veilig-melden/${kind}`, 32));
      this.subKeys.set(kind, key);
    }
    return key;
  }
}
