import { randomBytes } from 'node:crypto';
import { AesGcmContentCipher, SealedValueError } from '../../bot/security/aesGcmContentCipher';
import { parseKeyRing, type KeyRingJson } from '../../bot/security/parseKeyRing';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';

const key = () => randomBytes(32).toString('base64');

function ringJson(contentKeys: Record<string, string>, active: string): KeyRingJson {
  const json = Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'a', keys: { a: key() } }])) as unknown as KeyRingJson;
  json.content = { active, keys: contentKeys };
  return json;
}

describe('AesGcmContentCipher', () => {
  const k1 = key();
  const cipher = new AesGcmContentCipher(parseKeyRing(ringJson({ k1 }, 'k1'), 'test'));

  it('when a value is sealed, then the ciphertext does not contain it and opens back to it', () => {
    const sealed = cipher.seal('content', { description: 'mijn sergeant pest mij' }, 'case-1');
    expect(JSON.stringify(sealed)).not.toContain('sergeant');
    expect(sealed.kid).toBe('k1');
    expect(cipher.open('content', sealed, 'case-1')).toEqual({ description: 'mijn sergeant pest mij' });
  });

  it('when a sealed value is moved to another record, then it does not open', () => {
    const sealed = cipher.seal('content', 'text', 'case-1');
    expect(() => cipher.open('content', sealed, 'case-2')).toThrow(SealedValueError);
  });

  it('when the ciphertext is tampered with, then it does not open', () => {
    const sealed = cipher.seal('content', 'text', 'case-1');
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] ^= 1;
    expect(() => cipher.open('content', { ...sealed, ct: ct.toString('base64') }, 'case-1')).toThrow(SealedValueError);
  });

  it('when the key is rotated, then old values still open and new values use the new key', () => {
    const old = cipher.seal('content', 'before rotation', 'case-1');
    const rotated = new AesGcmContentCipher(parseKeyRing(ringJson({ k1, k2: key() }, 'k2'), 'test'));
    expect(rotated.open('content', old, 'case-1')).toBe('before rotation');
    const fresh = rotated.seal('content', 'after rotation', 'case-2');
    expect(fresh.kid).toBe('k2');
    expect(() => cipher.open('content', fresh, 'case-2')).toThrow(SealedValueError);
  });

  it('when a value is sealed for one purpose, then the key of another purpose cannot open it', () => {
    const sealed = cipher.seal('relay', { conversation: 'a:1' }, 'relay-1');
    expect(() => cipher.open('address', sealed, 'relay-1')).toThrow(SealedValueError);
  });
});

describe('parseKeyRing', () => {
  it('when a key is the wrong length or the active key is missing, then the error names the place but not the key', () => {
    const json = ringJson({ k1: Buffer.alloc(16).toString('base64') }, 'k9');
    expect(() => parseKeyRing(json, 'KEY_RING')).toThrow(/KEY_RING: content\.keys\.k1: each key is 32 bytes[\s\S]*KEY_RING: content: the active key must be listed/);
  });
});
