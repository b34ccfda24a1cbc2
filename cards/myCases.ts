import type { Locale } from '../bot/domain/locale';
import { displayDate } from './displayDate';
import { t } from './i18n';
import { reporterDeadlineText } from './reporterDeadlineText';
import template from './myCases.card.json';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { RequestKind } from '../bot/domain/report';
import type { CaseState } from '../bot/domain/caseLifecycle';
import type { HandlerRole } from '../bot/domain/chooseRoute';
import type { ReporterDeadlineLine } from './reporterDeadlineText';

/** The reporter's own cases ("status", "mijn meldingen"), in the chat: references and states only. */
export interface MyCasesView {
  locale: Locale;
  /** `caseId`: the case's button opens its dialog; `route` and `nextDeadline` as on the receipt. */
  cases: { caseId: string; reference: string; kind: RequestKind; state: CaseState; receivedOn: string; route: HandlerRole; nextDeadline?: ReporterDeadlineLine }[];
  /** More cases exist than listed. */
  more: boolean;
}

interface CaseLine {
  caseId: string;
  reference: string;
  routeTitle: string;
  hasDeadline: boolean;
  nextStep: string;
  openTitle: string;
  kindTitle: string;
  stateTitle: string;
  stateHint: string;
  receivedOn: string;
}

interface MyCasesData {
  lang: Locale;
  isEmpty: boolean;
  more: boolean;
  cases: CaseLine[];
  text: Record<
    | 'title'
    | 'intro'
    | 'empty'
    | 'more'
    | 'anonymousNote'
    | 'kind'
    | 'state'
    | 'receivedOn'
    | 'route'
    | 'nextStep'
    | 'openHint'
    | 'refresh'
    | 'makeReport'
    | 'anonymousStatus'
    | 'backToStart',
    string
  >;
}

/**
 * The reporter's own reports in the chat: reference, kind, state (with what it means), where it
 * went (a role), the one deadline that applies next and the date received, with a button per
 * report that opens its dialog (status and timeline, messages, answer, add information,
 * withdraw), as the notices do. No content. Anonymous reports are not listed (they are followed with reference
 * and secret), and the card says so.
 */
export function renderMyCases(view: MyCasesView): AdaptiveCard {
  const l = view.locale;
  const data: MyCasesData = {
    lang: l,
    isEmpty: view.cases.length === 0,
    more: view.more,
    cases: view.cases.map((item) => ({
      caseId: item.caseId,
      reference: item.reference,
      routeTitle: t(l, `receipt.routeShort.${item.route}`),
      hasDeadline: item.nextDeadline !== undefined,
      nextStep: reporterDeadlineText(l, item.nextDeadline),
      openTitle: t(l, 'myCases.open', { reference: item.reference }),
      kindTitle: t(l, `kinds.${item.kind}.title`),
      stateTitle: t(l, `states.${item.state}.title`),
      stateHint: t(l, `states.${item.state}.hint`),
      receivedOn: displayDate(item.receivedOn, l),
    })),
    text: {
      title: t(l, 'myCases.title'),
      intro: t(l, 'myCases.intro'),
      empty: t(l, 'myCases.empty'),
      more: t(l, 'myCases.more'),
      anonymousNote: t(l, 'myCases.anonymousNote'),
      kind: t(l, 'myCases.kind'),
      state: t(l, 'myCases.state'),
      receivedOn: t(l, 'myCases.receivedOn'),
      route: t(l, 'myCases.route'),
      nextStep: t(l, 'myCases.nextStep'),
      openHint: t(l, 'myCases.openHint'),
      refresh: t(l, 'myCases.refresh'),
      makeReport: t(l, 'common.makeReport'),
      anonymousStatus: t(l, 'common.anonymousStatus'),
      backToStart: t(l, 'common.backToStart'),
    },
  };
  return renderCard(template, data);
}
