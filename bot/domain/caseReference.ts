/**
 * Case references such as VM-7K3Q-9DX2: eight characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 5/S, 2/Z, U/V), so they can be read out over the phone and typed from paper.
 */
export const REFERENCE_ALPHABET = '346789ABCDEFGHJKMNPQRTWXY';

const REFERENCE_PATTERN = new RegExp(`^VM-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

/** Makes a reference from 8 random bytes (pass crypto-strong randomness). */
export function formatCaseReference(random: Uint8Array): string {
  if (random.length < 8) throw new RangeError('need 8 random bytes');
  const chars = Array.from(random.slice(0, 8), (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]);
  return `VM-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Whether `value` is a reference exactly as the bot writes it (VM-XXXX-XXXX, upper case). */
export function isCaseReference(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE_PATTERN.test(value);
}

/** Normalises what a user typed (case, spaces, missing dashes); undefined when it cannot be a reference. */
export function normalizeCaseReference(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('VM') ? compact.slice(2) : compact;
  if (body.length !== 8) return undefined;
  const reference = `VM-${body.slice(0, 4)}-${body.slice(4)}`;
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}
