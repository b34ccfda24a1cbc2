import { randomBytes } from 'node:crypto';
import type { ContentCipher } from '../../bot/app/common/cryptoPorts';
import { AesGcmContentCipher } from '../../bot/security/aesGcmContentCipher';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { parseKeyRing, type KeyRingJson } from '../../bot/security/parseKeyRing';

/** The real cipher with a fresh random key per purpose, so tests seal and open exactly as production does. */
export function testContentCipher(): ContentCipher {
  const json = Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: `${purpose}-test`, keys: { [`${purpose}-test`]: randomBytes(32).toString('base64') } }]));
  return new AesGcmContentCipher(parseKeyRing(json as KeyRingJson, 'test key ring'));
}
