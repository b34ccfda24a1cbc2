import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';

/** The texts of the "someone is in danger now" help, as card data. */
export interface DangerHelpText {
  title: string;
  intro: string;
  /** Call 112: shown first and larger than the rest. */
  emergency: string;
  /** Where else to get help, one line each. */
  items: { line: string }[];
  /** Reassurance that the draft is not lost. */
  draftKept: string;
}

/**
 * Where to get help when someone is in immediate danger. Shared by the wizard (first on the card
 * after the reporter said so), the danger-help dialog and the receipt. Only 112 is a number: the
 * other services are named, because their numbers differ per unit and location.
 */
export function dangerHelpText(locale: Locale): DangerHelpText {
  return {
    title: t(locale, 'dangerHelp.title'),
    intro: t(locale, 'dangerHelp.intro'),
    emergency: t(locale, 'dangerHelp.emergency'),
    items: [
      { line: t(locale, 'dangerHelp.marechaussee') },
      { line: t(locale, 'dangerHelp.dutyOfficer') },
      { line: t(locale, 'dangerHelp.bmw') },
      { line: t(locale, 'dangerHelp.chaplaincy') },
      { line: t(locale, 'dangerHelp.counsellor') },
      { line: t(locale, 'dangerHelp.doctor') },
    ],
    draftKept: t(locale, 'dangerHelp.draftKept'),
  };
}
