import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';
import { keyInGroup } from './keyInGroup';

/** The history lines a dialog shows, as card data. */
export interface CaseHistoryData {
  lines: { at: string; text: string }[];
  hasOmitted: boolean;
  omitted: string;
}

/**
 * How many history lines the case dialog shows. A case's history only grows (every time a handler
 * opens the content is an entry), so the card shows the most recent ones and says how many
 * earlier ones are not shown; the full history stays in the case record.
 */
export const HISTORY_LINES_SHOWN = 15;

/**
 * The most recent history entries, oldest first, each as its time and its text in the user's
 * language (`eventKey` under `history.`; an unknown event reads "other event", never a raw key).
 */
export function caseHistory(locale: Locale, history: readonly { at: string; eventKey: string }[]): CaseHistoryData {
  const shown = history.slice(-HISTORY_LINES_SHOWN);
  const omitted = history.length - shown.length;
  return {
    lines: shown.map((entry) => ({ at: entry.at, text: t(locale, keyInGroup('history', entry.eventKey) ?? 'history.other') })),
    hasOmitted: omitted > 0,
    omitted:
      omitted === 0 ? '' : omitted === 1 ? t(locale, 'handler.details.historyOmittedOne') : t(locale, 'handler.details.historyOmittedMany', { count: omitted }),
  };
}
