/**
 * Aftercare (nazorg) after a case closes: content-free check-ins with the reporter at set moments,
 * asking how they are doing and whether they met negative consequences (benadeling) for reporting
 * (EU Directive 2019/1937 art. 19–21; Wet bescherming klokkenluiders).
 */

/** Months after closing at which the reporter is asked (env CHECK_IN_MONTHS). */
export const DEFAULT_CHECK_IN_MONTHS: readonly number[] = [1, 3, 6, 12];

/** The most months after closing a check-in may be set at (within the default case retention of five years). */
export const MAX_CHECK_IN_MONTH = 36;

/** What the reporter may answer. 'negative_consequences' opens a retaliation case. */
export const CHECK_IN_ANSWERS = [
  'fine', // het gaat goed
  'concerns', // ik heb wat zorgen
  'negative_consequences', // ik heb negatieve gevolgen ondervonden (benadeling)
] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

/** The longest optional text with an answer. */
export const CHECK_IN_TEXT_MAX_LENGTH = 2_000;

/** The check-in moments (ISO) of a case closed at `closedAt`: the same day of the month, `months` later (UTC). */
export function checkInMoments(closedAt: Date, months: readonly number[]): string[] {
  return [...new Set(months)]
    .sort((a, b) => a - b)
    .map((month) => addMonths(closedAt, month).toISOString());
}

/** The first moment after `now`, or undefined when none is left. */
export function nextCheckInAfter(moments: readonly string[], now: Date): string | undefined {
  const at = now.toISOString();
  return moments.find((moment) => moment > at);
}

/** `date` plus whole months; a day that month does not have (31 January + 1) becomes its last day. */
function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
