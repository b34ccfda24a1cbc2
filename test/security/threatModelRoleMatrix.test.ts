import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportCaseAudit } from '../../bot/app/audit/exportCaseAudit';
import type { CaseDependencies } from '../../bot/app/intake/intakeDependencies';
import { openCaseDetails } from '../../bot/app/cases/openCaseDetails';
import { submitReport } from '../../bot/app/intake/submitReport';
import type { CompleteReport } from '../../bot/domain/report';
import { caseTestDependencies } from '../fakes/caseTestDependencies';

// Demo organisation: Daan (…15) reports via the line, so his manager Jeroen (…14) handles; Anouk (…08) coordinates CLAS and below.
const person = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [DAAN, JEROEN, ANOUK] = [person(15), person(14), person(8)];

/** The cells of a row of the threat model's "who reads what" matrix, by the role in its first cell. */
function matrixRow(role: string): string[] | undefined {
  const text = readFileSync(join(__dirname, '..', '..', 'docs', 'THREAT_MODEL.md'), 'utf8');
  const matrix = text.slice(text.indexOf('Who reads what, per role'));
  const line = matrix.split('\n').find((row) => row.startsWith(`| ${role} |`));
  return line?.split('|').slice(1, -1).map((cell) => cell.trim());
}

describe('handler identity for coordinators: the threat model and the code agree', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  it('when the threat model\'s role matrix is read, then the coordinator row says handler names are seen in one case\'s audit export only, as the export does', () => {
    // Columns: role | content | reporter identity | handler identity | metadata.
    const coordinator = matrixRow('coordinator');
    expect(coordinator).toBeDefined();
    expect(coordinator![3]).toMatch(/names of the staff who acted on one case.*audit export only/);
    expect(coordinator![2]).toBe('no');
    expect(matrixRow('escalation contact')?.[3]).toBe('no');
  });

  it('when a coordinator exports the audit of a named melding handled via the line, then she sees the handler\'s name on his events and no name on the reporter\'s', async () => {
    const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: 'Elke ochtend uitgescholden.', involved: 'Korporaal Smeets', preferMeldpunt: false };
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, { submissionId: randomUUID(), locale: 'nl', report });
    await openCaseDetails(deps, receipt.caseId, JEROEN);
    const reference = (await deps.repos.cases.get(receipt.caseId))!.value.reference;

    const exported = await exportCaseAudit(deps, reference, ANOUK);

    expect(exported.lines.find((line) => line.action === 'content_opened')).toMatchObject({ actorRole: 'handler', actorName: 'Jeroen van den Berg' });
    const byReporter = exported.lines.filter((line) => line.actorRole === 'reporter');
    expect(byReporter.length).toBeGreaterThan(0);
    for (const line of byReporter) expect(line.actorName).toBeUndefined();
    expect(JSON.stringify(exported)).not.toContain('Daan');
  });
});
