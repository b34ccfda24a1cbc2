import { renderAuditExport } from '../../cards/auditExport';
import { t } from '../../cards/i18n';
import { exportCaseAudit } from '../app/audit/exportCaseAudit';
import { ForbiddenError } from '../domain/errors';
import type { BotServices } from './botServices';
import type { ParsedDialogAction } from './dialogAction';
import { dialogCard } from './invokeResponses';
import type { TurnIdentity } from './turnIdentity';

/**
 * `task/fetch` of the audit export: the case's audit record for a coordinator of its unit. Any
 * refusal (not a coordinator, excluded, unknown or malformed reference) is the same ForbiddenError,
 * shown as the generic "not allowed" dialog.
 */
export async function fetchAuditExportDialog(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction): Promise<object> {
  if (!action.reference) throw new ForbiddenError('audit export without a reference');
  const audit = await exportCaseAudit(services, action.reference, turn.reporter.userId);
  services.logger.info('audit.exported', { entries: audit.lines.length });
  return dialogCard(t(turn.locale, 'dialog.auditExportTitle'), renderAuditExport({ locale: turn.locale, ...audit }), 'large');
}
