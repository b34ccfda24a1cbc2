import type { Locale } from '../bot/domain/locale';
import { renderWithMostThatFit } from './cardBudget';
import template from './coordinatorDigest.card.json';
import { suppress, SUPPRESSED } from '../bot/domain/insights/caseInsights';
import { formatNumber, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';

/** One unit's line in a coordinator's weekly digest: counts only, never content. */
export interface DigestUnitLine {
  unitName: string;
  open: number;
  dueThisWeek: number;
  overdue: number;
}

/** The weekly digest in a coordinator's chat. */
export interface CoordinatorDigestView {
  locale: Locale;
  /** Formatted week label, e.g. "week 49 (30 november – 6 december 2026)". */
  week: string;
  units: DigestUnitLine[];
  /** Team-meeting agenda coverage this month per unit (absent or empty: no teams installed). */
  agenda?: AgendaCoverageLine[];
  /** The tab's deep link when the tab exists; absent for now. */
  tabUrl?: string;
}

/** One unit's agenda coverage for a month (coordinator digest, tab). Shares are whole percentages. */
export interface AgendaCoverageLine {
  unitName: string;
  /** Teams that set a rhythm (configured, installed). */
  teams: number;
  /** Share of those teams with at least one topic posted / discussed / skipped in the month. */
  postedPct: number;
  discussedPct: number;
  skippedPct: number;
  openActions: number;
  lateActions: number;
}

interface DigestRowData {
  unitName: string;
  open: string;
  dueThisWeek: string;
  overdue: string;
  /** Drives the attention colour of the overdue count. */
  hasOverdue: boolean;
}

interface AgendaLineData {
  unitName: string;
  coverage: string;
  actions: string;
  /** Drives the attention colour of the actions line. */
  hasLate: boolean;
}

interface CoordinatorDigestData {
  lang: Locale;
  hasUnits: boolean;
  units: DigestRowData[];
  hasAgenda: boolean;
  agenda: AgendaLineData[];
  hasMoreAgenda: boolean;
  hasTab: boolean;
  tabUrl: string;
  text: Record<
    'title' | 'week' | 'intro' | 'unit' | 'open' | 'dueThisWeek' | 'overdue' | 'empty' | 'countsOnly' | 'view' | 'agendaTitle' | 'agendaIntro' | 'agendaMore',
    string
  >;
}

/** A count of cases as shown: "<5" below five (DOMAIN.md: no figure about fewer than 5 cases), so a small unit's few cases do not point at people. */
function figure(count: number, l: Locale): string {
  const shown = suppress(count);
  return shown === SUPPRESSED ? SUPPRESSED : formatNumber(shown, l);
}

function agendaLine(line: AgendaCoverageLine, l: Locale): AgendaLineData {
  const n = (value: number) => formatNumber(value, l);
  const pct = (value: number) => t(l, 'digest.agenda.percent', { value: n(value) });
  return {
    unitName: line.unitName,
    coverage: t(l, 'digest.agenda.coverage', { teams: n(line.teams), posted: pct(line.postedPct), discussed: pct(line.discussedPct), skipped: pct(line.skippedPct) }),
    actions: t(l, 'digest.agenda.actions', { open: n(line.openActions), late: n(line.lateActions) }),
    hasLate: line.lateActions > 0,
  };
}

function digestData(view: CoordinatorDigestView, agendaShown: number): CoordinatorDigestData {
  const l = view.locale;
  const tabUrl = view.tabUrl ?? '';
  const agenda = view.agenda ?? [];
  const notShown = agenda.length - agendaShown;
  return {
    lang: l,
    hasUnits: view.units.length > 0,
    units: view.units.map((unit) => ({
      unitName: unit.unitName,
      open: figure(unit.open, l),
      dueThisWeek: figure(unit.dueThisWeek, l),
      overdue: figure(unit.overdue, l),
      // The colour says "something is late": each late case already reached these coordinators as an escalation notice.
      hasOverdue: unit.overdue > 0,
    })),
    hasAgenda: agenda.length > 0,
    agenda: agenda.slice(0, agendaShown).map((line) => agendaLine(line, l)),
    hasMoreAgenda: notShown > 0,
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
      agendaTitle: t(l, 'digest.agenda.title'),
      agendaIntro: t(l, 'digest.agenda.intro'),
      agendaMore: t(l, 'digest.agenda.more', { count: formatNumber(notShown, l) }),
    },
  };
}

/**
 * The weekly digest in a coordinator's chat: the week, then a table (Adaptive Cards 1.5 `Table`,
 * first row as header) with one row per unit — unit, open cases, cases with a deadline this week,
 * cases with a deadline that has passed (a count above zero in the attention colour; the column
 * header says it in words). Counts only, and the card says so: never content or who reported.
 * Without units it says there are no open cases.
 *
 * With `agenda` lines, a second section "Werkoverleg: veiligheid op de agenda" follows: per unit
 * the teams with a meeting rhythm, the share of them that got a topic, discussed it or skipped it
 * this month, and the open and late agreed actions (late ones in the attention colour). Many units
 * could pass the Teams size limit: then the section shows the units that fit within
 * {@link CARD_BUDGET_BYTES} and says how many more there are. With `tabUrl`, a button opens the
 * overview tab (`Action.OpenUrl`); without it there is no button.
 */
export function renderCoordinatorDigest(view: CoordinatorDigestView): AdaptiveCard {
  return renderWithMostThatFit(view.agenda?.length ?? 0, (lines) => renderCard(template, digestData(view, lines)));
}
