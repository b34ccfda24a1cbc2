/**
 * How large a rendered card may be, in bytes of JSON (UTF-8). Teams refuses activities over
 * ~28 KB; the activity or invoke response around the card needs some room too, so a card that
 * shows a variable amount of text (a case's messages) is fitted to this smaller budget.
 */
export const CARD_BUDGET_BYTES = 26 * 1024;

/** The size of a card (or any JSON value) as it travels: UTF-8 bytes of its JSON. */
export function cardBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
