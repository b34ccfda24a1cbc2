import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import template from './welcome.card.json';

/** Welcome card in the 1:1 chat (on install, "hallo", "help"). */
export interface WelcomeView {
  locale: Locale;
  /** A draft exists: offer to continue it. */
  hasDraft: boolean;
}

interface WelcomeData {
  lang: Locale;
  hasDraft: boolean;
  text: Record<'title' | 'intro' | 'choose' | 'private' | 'draft' | 'danger' | 'makeReport' | 'continueDraft' | 'myCases' | 'anonymousStatus', string>;
}

/**
 * The welcome card in the 1:1 chat: what the bot is, that what you report never appears in the
 * chat, where to get help in an emergency, and buttons to make a report (or continue the draft),
 * see your reports, and check an anonymous report.
 */
export function renderWelcome(view: WelcomeView): AdaptiveCard {
  const l = view.locale;
  const data: WelcomeData = {
    lang: l,
    hasDraft: view.hasDraft,
    text: {
      title: t(l, 'welcome.title'),
      intro: t(l, 'welcome.intro'),
      choose: t(l, 'welcome.choose'),
      private: t(l, 'welcome.private'),
      draft: t(l, 'welcome.draft'),
      danger: t(l, 'welcome.danger'),
      makeReport: t(l, 'common.makeReport'),
      continueDraft: t(l, 'common.continueDraft'),
      myCases: t(l, 'common.myCases'),
      anonymousStatus: t(l, 'common.anonymousStatus'),
    },
  };
  return renderCard(template, data);
}
