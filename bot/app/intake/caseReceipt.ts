import { SERIOUS_CATEGORIES } from '../../domain/chooseRoute';
import type { IdentityMode, RequestKind } from '../../domain/report';
import { followUpSecret } from '../reporter/followUpSecret';
import type { CaseRecord } from '../cases/casePorts';
import type { Pseudonymizer } from '../common/cryptoPorts';
import { reporterRoute, type ReporterRoute } from './reporterRoute';

/** What the reporter is told after submitting: never any of the report's content. */
export interface CaseReceipt extends ReporterRoute {
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  /** By when the reporter hears from the handler. */
  nextStepBy: Date;
  /** Anonymous reports only. */
  secret?: string;
  immediateDanger: boolean;
  showPoliceAdvice: boolean;
  duplicate: boolean;
}

/** Builds the receipt of a stored case. */
export function caseReceipt(
  record: CaseRecord,
  pseudonyms: Pseudonymizer,
  options: { duplicate: boolean; immediateDanger: boolean },
): CaseReceipt {
  return {
    // What ran from receipt: the receipt is about the moment the report arrived.
    ...reporterRoute(record, record.receivedAt),
    caseId: record.id,
    reference: record.reference,
    kind: record.kind,
    identity: record.identity,
    nextStepBy: new Date(record.firstResponseDueAt ?? record.receivedAt),
    secret: record.identity === 'anonymous' ? followUpSecret(pseudonyms, record.id) : undefined,
    immediateDanger: options.immediateDanger,
    showPoliceAdvice: record.categories.some((category) => SERIOUS_CATEGORIES.includes(category)),
    duplicate: options.duplicate,
  };
}
