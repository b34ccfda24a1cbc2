import type { HelpContact } from '../bot/domain/helpContact';
import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';

/** The texts of the "someone is in danger now" help, as card data. */
export interface DangerHelpText {
  title: string;
  intro: string;
  /** Call 112: shown first and larger than the rest. */
  emergency: string;
  /** Where else to get help, one line each (with its phone number or link when configured). */
  items: { line: string }[];
  /** Reassurance that the draft is not lost. */
  draftKept: string;
}

/**
 * Where to get help when someone is in immediate danger. Shared by the danger-help dialog, the
 * wizard and the receipt. The ways to get help come from the organisation's help file (emergency
 * number first, then each service with its number or link); without one, 112 and the services
 * by name.
 */
export function dangerHelpText(locale: Locale, contacts?: readonly HelpContact[]): DangerHelpText {
  const emergency = contacts?.find((contact) => contact.emergency);
  const others = contacts?.filter((contact) => !contact.emergency);
  return {
    title: t(locale, 'dangerHelp.title'),
    intro: t(locale, 'dangerHelp.intro'),
    emergency: emergency ? emergency.text[locale] : t(locale, 'dangerHelp.emergency'),
    items: others
      ? others.map((contact) => ({ line: contactLine(locale, contact) }))
      : (['marechaussee', 'dutyOfficer', 'bmw', 'chaplaincy', 'counsellor', 'doctor'] as const).map((key) => ({ line: t(locale, `dangerHelp.${key}`) })),
    draftKept: t(locale, 'dangerHelp.draftKept'),
  };
}

/** "**Name** — what it is for. Call 0800-0113. [www.113.nl](https://www.113.nl)" */
function contactLine(locale: Locale, contact: HelpContact): string {
  const parts = [`**${contact.name[locale]}** — ${contact.text[locale]}`];
  if (contact.phone) parts.push(t(locale, 'dangerHelp.call', { phone: contact.phone }));
  if (contact.url) parts.push(`[${new URL(contact.url).host}](${contact.url})`);
  return parts.join(' ');
}
