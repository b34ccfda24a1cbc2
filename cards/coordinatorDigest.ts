import type { Locale } from '../bot/domain/locale';
import template from './coordinatorDigest.card.json';
import { formatNumber, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { CoordinatorDigestView } from './views';

interface DigestRowData {
  unitName: string;
  open: string;
  dueThisWeek: string;
  overdue: string;
  /** Drives the attention colour of the overdue count. */
  hasOverdue: boolean;
}

interface CoordinatorDigestData {
  lang: Locale;
  hasUnits: boolean;
  units: DigestRowData[];
  hasTab: boolean;
  tabUrl: string;
  text: Record<'title' | 'week' | 'intro' | 'unit' | 'open' | 'dueThisWeek' | 'overdue' | 'empty' | 'countsOnly' | 'view', string>;
}

/**
 * The weekly digest in a coordinator's chat: the week, then a table (Adaptive Cards 1.5 `Table`,
 * first row as header) with one row per unit — unit, open cases, cases with a deadline this week,
 * cases with a deadline that has passed (a count above zero in the attention colour; the column
 * header says it in words). Counts only, and the card says so: never content or who reported.
 * Without units it says there are no open cases. With `tabUrl`, a button opens the overview tab
 * (`Action.OpenUrl`); without it there is no button.
 */
export function renderCoordinatorDigest(view: CoordinatorDigestView): AdaptiveCard {
  const l = view.locale;
  const tabUrl = view.tabUrl ?? '';
  const data: CoordinatorDigestData = {
    lang: l,
    hasUnits: view.units.length > 0,
    units: view.units.map((unit) => ({
      unitName: unit.unitName,
      open: formatNumber(unit.open, l),
      dueThisWeek: formatNumber(unit.dueThisWeek, l),
      overdue: formatNumber(unit.overdue, l),
      hasOverdue: unit.overdue > 0,
    })),
    hasTab: tabUrl !== '',
    tabUrl,
    text: {
      title: t(l, 'digest.title'),
      week: t(l, 'digest.week', { week: view.week }),
      intro: t(l, 'digest.intro'),
      unit: t(l, 'digest.unit'),
      open: t(l, 'digest.open'),
      dueThisWeek: t(l, 'digest.dueThisWeek'),
      overdue: t(l, 'digest.overdue'),
      empty: t(l, 'digest.empty'),
      countsOnly: t(l, 'digest.countsOnly'),
      view: t(l, 'digest.view'),
    },
  };
  return renderCard(template, data);
}
