import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';
import type { ClockKind } from '../bot/domain/deadlines/deadlinePolicies';

/** A deadline as the reporter is told it: which clock, and its date formatted in their language. */
export interface ReporterDeadlineLine {
  clock: ClockKind;
  due: string;
}

/** The one deadline a reporter waits for, as a sentence ("By 2 April you will hear …"); empty when none runs. */
export function reporterDeadlineText(locale: Locale, deadline: ReporterDeadlineLine | undefined): string {
  return deadline ? t(locale, `receipt.deadline.${deadline.clock}`, { date: deadline.due }) : '';
}
