import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import { reporterCaseKeys, type ReporterCaseKeys } from './reporterCaseKeys';
import template from './withdraw.card.json';

/** Confirm withdrawing a report, in a dialog (button `vm: { dialog: 'caseWithdraw', nav: 'submit', caseId | reference+secret }`). */
export interface WithdrawView {
  locale: Locale;
  caseId?: string;
  reference: string;
  secret?: string;
}

type WithdrawVm = ReporterCaseKeys & { dialog: 'caseWithdraw'; nav: 'submit' | 'close' };

interface WithdrawData {
  lang: Locale;
  points: { line: string }[];
  /** Whole `vm` objects: `caseId` and `secret` are present only when given. */
  vm: Record<'confirm' | 'cancel', WithdrawVm>;
  text: Record<'title' | 'reference' | 'intro' | 'doubt' | 'confirm' | 'cancel', string>;
}

/**
 * Asks the reporter to confirm withdrawing their report, in a dialog, and says what it means:
 * the case is closed as withdrawn, whoever handles it is told, and they can report again later;
 * and that a confidential counsellor can help when in doubt. Confirm sends
 * `vm: { dialog: 'caseWithdraw', nav: 'submit', caseId?, reference, secret? }`; cancel sends
 * `nav: 'close'` with the same keys.
 */
export function renderWithdraw(view: WithdrawView): AdaptiveCard {
  const l = view.locale;
  const keys = reporterCaseKeys(view);
  const data: WithdrawData = {
    lang: l,
    points: [{ line: t(l, 'reporter.withdraw.closed') }, { line: t(l, 'reporter.withdraw.handlerTold') }, { line: t(l, 'reporter.withdraw.again') }],
    vm: {
      confirm: { dialog: 'caseWithdraw', nav: 'submit', ...keys },
      cancel: { dialog: 'caseWithdraw', nav: 'close', ...keys },
    },
    text: {
      title: t(l, 'reporter.withdraw.title'),
      reference: t(l, 'reporter.withdraw.reference', { reference: view.reference }),
      intro: t(l, 'reporter.withdraw.intro'),
      doubt: t(l, 'reporter.withdraw.doubt'),
      confirm: t(l, 'reporter.withdraw.confirm'),
      cancel: t(l, 'reporter.withdraw.cancel'),
    },
  };
  return renderCard(template, data);
}
