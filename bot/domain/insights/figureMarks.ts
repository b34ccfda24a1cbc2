// How a figure of the insights may be shown. No imports: the tab's bundle takes these without the rest of the domain.

/** Figures about fewer cases than this are not shown (DOMAIN.md: "Any figure about fewer than 5 cases is suppressed"). */
export const SUPPRESSION_THRESHOLD = 5;

/** What a suppressed figure shows instead of its value. */
export const SUPPRESSED = '<5';

/**
 * What a figure of 5 or more shows when it is hidden so that a small one beside it cannot be worked
 * out from a total (complementary suppression; "×" is what CBS tables show for "secret").
 */
export const PROTECTED = '×';

/** A figure as it may be shown: its value, {@link SUPPRESSED} or {@link PROTECTED}. */
export type Figure = number | typeof SUPPRESSED | typeof PROTECTED;
