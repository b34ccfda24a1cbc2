import type { Locale } from '../bot/domain/locale';
import template from './auditExport.card.json';
import { renderWithMostThatFit } from './cardBudget';
import { csvRow } from './csvRow';
import { formatDateTime, formatNumber, t } from './i18n';
import { keyInGroup } from './keyInGroup';
import { renderCard, type AdaptiveCard } from './renderCard';

// Audit export ("logboek"): a coordinator types "audit VM-XXXX-XXXX" / "logboek VM-XXXX-XXXX" in
// their 1:1 chat; a notice (reference only) has a button `Action.Submit` + `msteams: { type:
// 'task/fetch' }` + `vm: { dialog: 'auditExport', nav: 'next', reference }`. The dialog's close
// button sends `vm: { dialog: 'auditExport', nav: 'close' }`.

/** One event of a case's audit record: no content, only when, who and what. */
export interface AuditExportLine {
  /** ISO time. */
  at: string;
  actorRole: 'handler' | 'reporter' | 'system' | 'coordinator';
  /** Staff only: the name kept (sealed) with the entry. */
  actorName?: string;
  /** The event type, shown with its `history.<action>` label. */
  action: string;
}

/** The audit record of a case, in a dialog. */
export interface AuditExportView {
  locale: Locale;
  reference: string;
  /** Oldest first. */
  lines: AuditExportLine[];
  /** More events exist than were read. */
  truncated: boolean;
  /** What checking the entries' tamper seals found: changed or unverifiable entries, and deleted ones. */
  integrity?: { unsealed: number; missing: number };
}

interface AuditExportData {
  lang: Locale;
  hasLines: boolean;
  hasMore: boolean;
  lines: { when: string; who: string; what: string }[];
  csv: string;
  /** The seals were checked and all held / some did not. */
  intact: boolean;
  altered: boolean;
  text: Record<'title' | 'intro' | 'none' | 'when' | 'who' | 'what' | 'more' | 'csvTitle' | 'close' | 'integrity', string>;
}

/** The CSV columns: machine-readable codes next to the words shown. */
const CSV_HEADER = ['at', 'actorRole', 'actorName', 'action', 'description'];

/**
 * The audit record of one case, in a dialog: one line per event (when, who, what) and the same
 * as CSV in a monospace block to copy. Who is a role, and for staff their name; what is the
 * history label (an unknown event reads "other event"). No report content: the view has none.
 * When the lines do not fit the card budget, the oldest are kept and the card says how many show.
 */
export function renderAuditExport(view: AuditExportView): AdaptiveCard {
  return renderWithMostThatFit(view.lines.length, (shown) => renderCard(template, data(view, shown)));
}

function data(view: AuditExportView, shown: number): AuditExportData {
  const l = view.locale;
  const lines = view.lines.slice(0, shown).map((line) => {
    const role = t(l, `auditExport.roles.${line.actorRole}`);
    const what = t(l, keyInGroup('history', line.action) ?? 'history.other');
    return { at: line.at, role: line.actorRole, name: line.actorName ?? '', action: line.action, when: formatDateTime(line.at, l), who: line.actorName ? `${role}: ${line.actorName}` : role, what };
  });
  const intact = view.integrity !== undefined && view.integrity.unsealed === 0 && view.integrity.missing === 0;
  return {
    lang: l,
    intact,
    altered: view.integrity !== undefined && !intact,
    hasLines: lines.length > 0,
    hasMore: view.truncated || shown < view.lines.length,
    lines: lines.map(({ when, who, what }) => ({ when, who, what })),
    csv: [csvRow(CSV_HEADER), ...lines.map((line) => csvRow([line.at, line.role, line.name, line.action, line.what]))].join('\n'),
    text: {
      title: t(l, 'auditExport.title', { reference: view.reference }),
      intro: t(l, 'auditExport.intro'),
      none: t(l, 'auditExport.none'),
      when: t(l, 'auditExport.when'),
      who: t(l, 'auditExport.who'),
      what: t(l, 'auditExport.what'),
      more: t(l, 'auditExport.more', { count: formatNumber(shown, l) }),
      csvTitle: t(l, 'auditExport.csvTitle'),
      close: t(l, 'common.close'),
      integrity: !view.integrity
        ? ''
        : intact
          ? t(l, 'auditExport.intact', { count: formatNumber(view.lines.length, l) })
          : t(l, 'auditExport.tampered', { changed: formatNumber(view.integrity.unsealed, l), missing: formatNumber(view.integrity.missing, l) }),
    },
  };
}
