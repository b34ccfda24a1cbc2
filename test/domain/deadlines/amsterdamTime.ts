import { DateTime } from 'luxon';

/** An instant written as Amsterdam wall time ('2026-06-10 10:00'), so tables read like the calendar. */
export function amsterdamInstant(local: string): Date {
  const parsed = DateTime.fromFormat(local, local.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', { zone: 'Europe/Amsterdam' });
  if (!parsed.isValid) throw new Error(`not an Amsterdam time: ${local}`);
  return parsed.toJSDate();
}

/** An ISO instant as Amsterdam wall time to the second ('2026-06-17 23:59:59'). */
export function amsterdamWallTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toFormat('yyyy-MM-dd HH:mm:ss');
}
