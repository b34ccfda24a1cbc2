import type { Locale } from './locale';

/**
 * A way to get help right now, from the organisation's help file (`HELP_CONTACTS_FILE`): shown
 * when a reporter says someone is in danger, and on the receipt. Texts in every language the bot
 * speaks; at least a phone number or a link, so the reporter can act on it.
 */
export interface HelpContact {
  id: string;
  /** The emergency number: shown first and larger than the rest (exactly one per file). */
  emergency: boolean;
  name: Record<Locale, string>;
  /** When and how this helps, one or two sentences. */
  text: Record<Locale, string>;
  phone?: string;
  url?: string;
}
