import type { Locale } from '../bot/domain/locale';
import { isMessageKey, t } from './i18n';
import template from './notice.card.json';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { DialogName } from './actionData';
import type { InsightsPeriodName } from '../bot/domain/insights/insightsPeriod';

/** A short notice in the chat (e.g. "your draft is kept", "draft deleted"). `textKey` is a locale key; params fill {placeholders}. */
export interface NoticeView {
  locale: Locale;
  titleKey: string;
  textKey: string;
  params?: Record<string, string>;
  /** Offer the "make a report" button. */
  offerReport?: boolean;
  /** A button that opens this dialog; `titleKey` is the locale key of its title (an unknown key leaves the button out). */
  openDialog?: { dialog: DialogName; titleKey: string; /** Sent along as `vm.reference` (the audit export's case). */ reference?: string; /** Sent along as `vm.period` (the insights' period). */ period?: InsightsPeriodName };
}

interface NoticeData {
  lang: Locale;
  title: string;
  hasText: boolean;
  text: string;
  offerReport: boolean;
  makeReport: string;
  hasDialog: boolean;
  dialog: string;
  dialogTitle: string;
  /** The dialog button carries a case reference (`vm.reference`). */
  hasReference: boolean;
  reference: string;
  /** The dialog button carries a period (`vm.period`, the insights). */
  hasPeriod: boolean;
  period: string;
}

/**
 * A short notice in the chat ("your draft is kept", "draft deleted", "nothing found"), with an
 * optional button that opens a dialog (e.g. the handover) and an optional "make a report"
 * button. `titleKey` and `textKey` are full locale keys (e.g. `notices.draftKept.title`); an
 * unknown title shows the app's name, and an unknown text or button title is left out, so a raw
 * key never reaches the user. The text is shown without markdown, because its parameters may
 * come from what a user typed.
 */
export function renderNotice(view: NoticeView): AdaptiveCard {
  const l = view.locale;
  const dialogTitleKey = view.openDialog?.titleKey ?? '';
  const hasDialog = view.openDialog !== undefined && isMessageKey(dialogTitleKey);
  const data: NoticeData = {
    lang: l,
    title: t(l, isMessageKey(view.titleKey) ? view.titleKey : 'common.appName'),
    hasText: isMessageKey(view.textKey),
    text: isMessageKey(view.textKey) ? t(l, view.textKey, view.params) : '',
    offerReport: view.offerReport === true,
    makeReport: t(l, 'common.makeReport'),
    hasDialog,
    dialog: hasDialog ? (view.openDialog?.dialog ?? '') : '',
    dialogTitle: isMessageKey(dialogTitleKey) ? t(l, dialogTitleKey) : '',
    hasReference: hasDialog && view.openDialog?.reference !== undefined,
    reference: view.openDialog?.reference ?? '',
    hasPeriod: hasDialog && view.openDialog?.reference === undefined && view.openDialog?.period !== undefined,
    period: view.openDialog?.period ?? '',
  };
  return renderCard(template, data);
}
