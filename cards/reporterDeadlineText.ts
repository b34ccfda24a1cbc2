import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';
import type { ReporterDeadlineLine } from './views';

/** The one deadline a reporter waits for, as a sentence ("By 2 April you will hear …"); empty when none runs. */
export function reporterDeadlineText(locale: Locale, deadline: ReporterDeadlineLine | undefined): string {
  return deadline ? t(locale, `receipt.deadline.${deadline.clock}`, { date: deadline.due }) : '';
}
