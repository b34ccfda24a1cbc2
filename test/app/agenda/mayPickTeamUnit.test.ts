import type { AgendaDependencies } from '../../../bot/app/agenda/agendaDependencies';
import { mayPickTeamUnit } from '../../../bot/app/agenda/mayPickTeamUnit';
import type { TeamRecord } from '../../../bot/app/agenda/agendaPorts';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';

// Demo organisation: the A-compagnie team is assigned to 11 Infanteriebataljon (u-clas-11-inf) by the directory's
// `teams` block; Jeroen (…14, that unit) owns it; Daan (…15) is in it too; Anouk (…08) coordinates CLAS and below.
const person = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [DAAN, JEROEN, ANOUK] = [person(15), person(14), person(8)];
const KNOWN_TEAM = { teamId: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01' } as TeamRecord;
const UNKNOWN_TEAM = { teamId: '19:not-in-the-directory@thread.tacv2' } as TeamRecord;

describe('mayPickTeamUnit (which unit a user may give a team)', () => {
  let deps: AgendaDependencies;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const built = await caseTestDependencies();
    deps = built.deps as AgendaDependencies;
    cleanup = built.cleanup;
  });

  afterAll(() => cleanup());

  it.each([
    ['the owner, the directory\'s unit of the team', true, KNOWN_TEAM, JEROEN, [JEROEN], 'u-clas-11-inf'],
    ['the owner, a unit elsewhere', false, KNOWN_TEAM, JEROEN, [JEROEN], 'u-czsk'],
    ['the owner, the unit above his own', false, KNOWN_TEAM, JEROEN, [JEROEN], 'u-clas-11'],
    ['an owner of a team the directory does not know, her own unit', true, UNKNOWN_TEAM, DAAN, [DAAN], 'u-clas-11-inf'],
    ['an owner of a team the directory does not know, another unit', false, UNKNOWN_TEAM, DAAN, [DAAN], 'u-clas'],
    ['a member who is not an owner, her own unit', false, UNKNOWN_TEAM, DAAN, [JEROEN], 'u-clas-11-inf'],
    ['the CLAS coordinator, a unit below CLAS', true, UNKNOWN_TEAM, ANOUK, [], 'u-clas-11'],
    ['the CLAS coordinator, the navy', false, UNKNOWN_TEAM, ANOUK, [], 'u-czsk'],
  ] as const)('when %s is picked, then allowed is %s', async (_case, allowed, team, userId, owners, unitId) => {
    expect(await mayPickTeamUnit(deps, team, userId, owners, unitId)).toBe(allowed);
  });
});
