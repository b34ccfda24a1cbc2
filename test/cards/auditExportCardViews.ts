import type { Locale } from '../../bot/domain/locale';
import { renderAuditExport } from '../../cards/auditExport';
import { renderNotice } from '../../cards/notice';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { AuditExportLine, AuditExportView } from '../../cards/auditExport';
import type { RenderedCase } from './cardViews';

export const AUDIT_REFERENCE = 'VM-7K3Q-9DX2';

/** A handled case's audit: submitted, routed, assigned, opened, acknowledged, update, closed, exported. */
export const SOME_AUDIT_LINES: AuditExportLine[] = [
  { at: '2026-11-30T09:00:00.000Z', actorRole: 'reporter', action: 'submitted' },
  { at: '2026-11-30T09:00:00.000Z', actorRole: 'system', action: 'routed' },
  { at: '2026-11-30T09:00:00.000Z', actorRole: 'system', action: 'assigned' },
  { at: '2026-11-30T10:15:00.000Z', actorRole: 'handler', actorName: 'Fatima El Amrani', action: 'content_opened' },
  { at: '2026-11-30T10:16:00.000Z', actorRole: 'handler', actorName: 'Fatima El Amrani', action: 'acknowledged' },
  { at: '2026-12-01T08:00:00.000Z', actorRole: 'coordinator', actorName: '=HYPERLINK("x") "Anouk"', action: 'reassigned' },
  { at: '2026-12-02T11:00:00.000Z', actorRole: 'handler', actorName: 'Jeroen van den Berg', action: 'some_future_event' },
  { at: '2026-12-03T12:00:00.000Z', actorRole: 'coordinator', actorName: 'Anouk Meijer', action: 'audit_exported' },
];

export function auditExportView(locale: Locale, overrides: Partial<AuditExportView> = {}): AuditExportView {
  return { locale, reference: AUDIT_REFERENCE, lines: SOME_AUDIT_LINES, truncated: false, ...overrides };
}

/** `count` lines, with long names: more than a dialog card can hold. */
export function manyAuditLines(count: number): AuditExportLine[] {
  return Array.from({ length: count }, (_, index) => ({
    at: new Date(Date.UTC(2026, 0, 1, 9, index)).toISOString(),
    actorRole: 'handler' as const,
    actorName: `Behandelaar met een heel lange naam nummer ${index}`,
    action: 'content_opened',
  }));
}

export function auditExportCards(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (template: string, surface: RenderedCase['surface'], name: string, card: AdaptiveCard) =>
    cases.push({ name: `${template} ${name} (${locale})`, card, locale, surface, wizard: false, template });

  add('notice', 'chat', 'audit export', renderNotice({ locale, titleKey: 'notices.auditExport.title', textKey: 'notices.auditExport.text', params: { reference: AUDIT_REFERENCE }, openDialog: { dialog: 'auditExport', titleKey: 'auditExport.open', reference: AUDIT_REFERENCE } }));
  add('notice', 'chat', 'audit usage', renderNotice({ locale, titleKey: 'notices.auditUsage.title', textKey: 'notices.auditUsage.text' }));
  add('auditExport', 'dialog', 'handled case', renderAuditExport(auditExportView(locale)));
  add('auditExport', 'dialog', 'nothing recorded', renderAuditExport(auditExportView(locale, { lines: [] })));
  add('auditExport', 'dialog', 'more than fit', renderAuditExport(auditExportView(locale, { lines: manyAuditLines(400), truncated: true })));
  return cases;
}
