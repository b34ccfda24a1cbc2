import { randomUUID } from 'node:crypto';
import { handOverFromDepartedHandlers } from '../../../bot/app/handover/handOverFromDepartedHandlers';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { NotificationIntent } from '../../../bot/app/outbox/notificationIntent';
import { sendCoordinatorDigests } from '../../../bot/app/insights/sendCoordinatorDigests';
import { submitReport } from '../../../bot/app/intake/submitReport';
import type { OrganisationDirectory } from '../../../bot/domain/directory';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

// Demo organisation: Daan (…15) and Sophie (…16) report to Jeroen (…14) in 11 Infbat, whose nearest coordinator is
// Anouk (…08, CLAS); a Meldpunt case goes to Fatima (…02) in the central unit, coordinator Marieke (…04).
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const line: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: 'd', preferMeldpunt: false };

describe('coordinator jobs', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, clock, cleanup } = await caseTestDependencies());
    clock.set('2026-11-30T09:00:00Z');
    const submit = (userId: string, report: CompleteReport) =>
      submitReport(deps, { userId, name: 'x', conversation: { conversation: { id: `a:${userId}` } } }, { submissionId: randomUUID(), locale: 'nl', report });
    await submit(id(15), line);
    await submit(id(16), line);
    await submit(id(15), { ...line, categories: ['sexual_harassment'] });
  });

  afterEach(() => cleanup());

  const intentsTo = async (userId: string, type: NotificationIntent['type']): Promise<NotificationIntent[]> => {
    const key = deps.pseudonyms.pseudonym('user', userId);
    return (await deps.repos.outbox.listDue('9999-12-31T00:00:00.000Z', 100))
      .map((entry) => entry.value)
      .filter((item) => item.recipient.kind === 'user' && item.recipient.userKey === key)
      .map((item) => deps.cipher.open<{ intent: NotificationIntent }>('content', item.sealedPayload, item.id).intent)
      .filter((intent) => intent.type === type);
  };

  it('when the weekly digest runs (twice), then each nearest coordinator gets one digest with counts per unit and nothing else', async () => {
    // Thursday: the line's acknowledgement (2 working days) is late, its first update (10 working days) is not due this week;
    // the Meldpunt's acknowledgement (7 days) is due on Monday.
    clock.set('2026-12-03T09:00:00Z');
    await sendCoordinatorDigests(deps);
    await sendCoordinatorDigests(deps);
    const anouk = await intentsTo(id(8), 'digest');
    expect(anouk).toEqual([{ type: 'digest', week: '2026-W49', locale: 'nl', units: [{ unitId: 'u-clas-11-inf', open: 2, dueThisWeek: 0, overdue: 2 }] }]);
    const marieke = await intentsTo(id(4), 'digest');
    expect(marieke).toEqual([{ type: 'digest', week: '2026-W49', locale: 'nl', units: [{ unitId: 'u-defensie', open: 1, dueThisWeek: 1, overdue: 0 }] }]);
  });

  it('when a handler disappears from the directory, then their open cases go to the fallback and their unit\'s coordinator is told', async () => {
    const real = deps.directory;
    const withoutJeroen: OrganisationDirectory = { ...bind(real), isKnown: async (userId) => userId !== id(14) && (await real.isKnown(userId)) };
    deps = { ...deps, directory: withoutJeroen };
    expect(await handOverFromDepartedHandlers(deps)).toBe(2);
    const open = (await deps.repos.cases.listOpen()).items.map((entry) => entry.value);
    expect(open.filter((record) => record.handlerKey === deps.pseudonyms.pseudonym('user', id(14)))).toEqual([]);
    expect(open.filter((record) => record.handlerKey === deps.pseudonyms.pseudonym('user', id(2)))).toHaveLength(3);
    expect(await intentsTo(id(8), 'handlerLeft')).toEqual([{ type: 'handlerLeft', count: 2, locale: 'nl' }]);
    expect(await handOverFromDepartedHandlers(deps)).toBe(0);
  });
});

/** The directory's methods bound to it, so one can be replaced in a spread copy. */
function bind(directory: OrganisationDirectory): OrganisationDirectory {
  return {
    getPerson: directory.getPerson.bind(directory),
    managerChain: directory.managerChain.bind(directory),
    unitOf: directory.unitOf.bind(directory),
    unitChain: directory.unitChain.bind(directory),
    holdersOfRole: directory.holdersOfRole.bind(directory),
    teams: directory.teams.bind(directory),
    team: directory.team.bind(directory),
    teamOwners: directory.teamOwners.bind(directory),
    allUnits: directory.allUnits.bind(directory),
    isKnown: directory.isKnown.bind(directory),
  };
}
