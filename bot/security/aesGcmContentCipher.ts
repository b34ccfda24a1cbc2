import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ContentCipher, KeyPurpose, Sealed } from '../app/common/cryptoPorts';
import type { KeyRing } from './keyRing';

/** Raised when a sealed value cannot be opened (unknown key, tampered data, wrong context). */
export class SealedValueError extends Error {}

/**
 * AES-256-GCM over the JSON of a value. The key id travels with the ciphertext, so rotating the
 * active key never requires rewriting old records; the context is bound as additional data.
 */
export class AesGcmContentCipher implements ContentCipher {
  constructor(private readonly ring: KeyRing) {}

  seal(purpose: KeyPurpose, value: unknown, context: string): Sealed {
    const set = this.ring[purpose];
    const key = set.keys.get(set.active) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(additionalData(purpose, set.active, context));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { kid: set.active, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  }

  open<T>(purpose: KeyPurpose, sealed: Sealed, context: string): T {
    const key = this.ring[purpose].keys.get(sealed.kid);
    if (!key) throw new SealedValueError(`no ${purpose} key with id ${sealed.kid}`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(additionalData(purpose, sealed.kid, context));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as T;
    } catch {
      throw new SealedValueError(`${purpose} value could not be opened`);
    }
  }
}

function additionalData(purpose: KeyPurpose, kid: string, context: string): Buffer {
  return Buffer.from(JSON.stringify([purpose, kid, context]), 'utf8');
}
