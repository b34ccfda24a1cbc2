import type { Locale } from '../bot/domain/locale';
import template from './dangerHelp.card.json';
import { dangerHelpText, type DangerHelpText } from './dangerHelpText';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { HelpContact } from '../bot/domain/helpContact';

/** Where to get help now (immediate danger), shown in a dialog. */
export interface DangerHelpView {
  locale: Locale;
  draftId: string;
  /** The organisation's ways to get help (emergency first); absent: 112 and the services by name. */
  help?: readonly HelpContact[];
}

interface DangerHelpData {
  lang: Locale;
  draftId: string;
  danger: DangerHelpText;
  text: Record<'continue' | 'stop', string>;
}

/**
 * Where to get help right now (a dialog), shown when the reporter says someone is in immediate
 * danger: the emergency number first, then the organisation's own ways to get help (its help file:
 * e.g. the Koninklijke Marechaussee and Defence's own support), each with a number or a link. The draft is
 * kept; the reporter can go on with it or stop.
 */
export function renderDangerHelp(view: DangerHelpView): AdaptiveCard {
  const data: DangerHelpData = {
    lang: view.locale,
    draftId: view.draftId,
    danger: dangerHelpText(view.locale, view.help),
    text: { continue: t(view.locale, 'dangerHelp.continue'), stop: t(view.locale, 'common.stop') },
  };
  return renderCard(template, data);
}
