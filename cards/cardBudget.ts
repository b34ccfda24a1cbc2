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

/**
 * The card showing as many items as fit: `render(n)` draws it with the first `n` of `total` items.
 * All of them when that fits; otherwise the largest `n` within {@link CARD_BUDGET_BYTES} (a card
 * with fewer items is never larger), down to none.
 */
export function renderWithMostThatFit<Card>(total: number, render: (count: number) => Card): Card {
  const full = render(total);
  if (total === 0 || cardBytes(full) <= CARD_BUDGET_BYTES) return full;
  let fits = 0;
  let tooMany = total;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (cardBytes(render(middle)) <= CARD_BUDGET_BYTES) fits = middle;
    else tooMany = middle;
  }
  return render(fits);
}
