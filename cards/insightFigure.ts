import { PROTECTED, SUPPRESSED, type Figure } from '../bot/domain/insights/figureMarks';
import type { Locale } from '../bot/domain/locale';
import { t, type MessageKey } from './i18n';

/** What a figure of the insights measures: a count, a share, days or a score out of 5. */
export type FigureKind = 'count' | 'percent' | 'days' | 'score';

/**
 * A figure as the insights show it, in the dialog's card and in the tab alike: "<5" when
 * suppressed, "×" when hidden to protect a small one, else the number in the language's format
 * (one decimal at most: "306,5 dagen", "306.5 days") with its unit.
 */
export function figureText(l: Locale, figure: Figure, kind: FigureKind): string {
  if (figure === SUPPRESSED || figure === PROTECTED) return figure;
  const value = new Intl.NumberFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(figure);
  if (kind === 'count') return value;
  const key: MessageKey = `insights.${kind}`;
  return t(l, key, { value });
}
