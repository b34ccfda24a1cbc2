import type { DirectoryData } from '../../bot/domain/directory';
import { NoEligibleHandlerError, routeReport, type RoutingInput } from '../../bot/domain/routeReport';
import { JsonDirectory } from '../../bot/directory/jsonDirectory';

/**
 * A small organisation:
 *   root (central Meldpunt: mp1, mp2; CKP: ckp; coordinator: coord; AGO: ago)
 *    └ brigade (VP: vpB; DKP: dkpB; safety: vfB; meldpunt: mpB)
 *       └ battalion (VP: vpBat; no DKP, no safety officer)
 *          └ company (no roles at all)
 * Chain in the company: soldier → sergeant → lieutenant → captain (battalion) → colonel (brigade).
 */
const data: DirectoryData = {
  units: [
    { id: 'root', name: 'Defensie', roles: { meldpunt: ['mp1', 'mp2'], klachtencoordinator: ['ckp'], coordinator: ['coord'], ago: ['ago'] } },
    { id: 'brigade', name: 'Brigade', parentId: 'root', roles: { vertrouwenspersoon: ['vpB'], klachtencoordinator: ['dkpB'], veiligheidsfunctionaris: ['vfB'], meldpunt: ['mpB'] } },
    { id: 'battalion', name: 'Bataljon', parentId: 'brigade', roles: { vertrouwenspersoon: ['vpBat'] } },
    { id: 'company', name: 'Compagnie', parentId: 'battalion', roles: {} },
  ],
  people: [
    { aadObjectId: 'colonel', name: 'Karel Kolonel', unitId: 'brigade', managerId: null },
    { aadObjectId: 'captain', name: 'Carla Kapitein', unitId: 'battalion', managerId: 'colonel' },
    { aadObjectId: 'lieutenant', name: 'Luuk Luitenant', unitId: 'company', managerId: 'captain' },
    { aadObjectId: 'sergeant', name: 'Sanne Sergeant', unitId: 'company', managerId: 'lieutenant' },
    { aadObjectId: 'soldier', name: 'Sam Soldaat', unitId: 'company', managerId: 'sergeant' },
    { aadObjectId: 'loner', name: 'Lotte Zonderbaas', unitId: 'company', managerId: null },
    { aadObjectId: 'vpBat', name: 'Vera Vertrouwen', unitId: 'battalion', managerId: 'captain' },
    { aadObjectId: 'vpB', name: 'Victor Vlieger', unitId: 'brigade', managerId: 'colonel' },
    { aadObjectId: 'dkpB', name: 'Dirk Klacht', unitId: 'brigade', managerId: 'colonel' },
    { aadObjectId: 'vfB', name: 'Vincent Veilig', unitId: 'brigade', managerId: 'colonel' },
    { aadObjectId: 'mpB', name: 'Mila Meldpunt', unitId: 'brigade', managerId: 'colonel' },
    { aadObjectId: 'mp1', name: 'Mark Centraal', unitId: 'root', managerId: null },
    { aadObjectId: 'mp2', name: 'Mona Middel', unitId: 'root', managerId: null },
    { aadObjectId: 'ckp', name: 'Cees Klachtenpunt', unitId: 'root', managerId: null },
    { aadObjectId: 'coord', name: 'Coby Coordinator', unitId: 'root', managerId: null },
    { aadObjectId: 'ago', name: 'Anton Bemiddelaar', unitId: 'root', managerId: null },
  ],
};
const directory = new JsonDirectory(data, 'test');

type Report = RoutingInput['report'];
const base: Report = { kind: 'report', identity: 'named', managerInvolved: 'no', categories: ['bullying'], preferMeldpunt: false, involved: undefined };
const route = (change: Partial<Report>, reporterId = 'soldier', caseId = 'case-1') =>
  routeReport({ report: { ...base, ...change }, reporterId, centralUnitId: 'root', caseId }, directory);

describe('routeReport', () => {
  it.each<[string, Partial<Report>, string, string, string, string | undefined]>([
    // name, report change, role, handler, unit, fallback
    ['a plain melding goes to the direct manager (the line)', {}, 'line_manager', 'sergeant', 'company', undefined],
    ['advice goes to the nearest vertrouwenspersoon up the tree (the company has none)', { kind: 'advice' }, 'vertrouwenspersoon', 'vpBat', 'battalion', undefined],
    ['a klacht goes to the nearest DKP (the battalion has none: the brigade)', { kind: 'complaint' }, 'klachtencoordinator', 'dkpB', 'brigade', undefined],
    ['a klacht about the leadership goes to the CKP', { kind: 'complaint', managerInvolved: 'yes' }, 'klachtencoordinator', 'ckp', 'root', undefined],
    ['mediation goes to AGO', { kind: 'mediation' }, 'ago', 'ago', 'root', undefined],
    ['an anonymous melding goes to the nearest Meldpunt', { identity: 'anonymous' }, 'meldpunt', 'mpB', 'brigade', undefined],
    ['an unsafe situation only goes to the safety officer (inherited from the brigade)', { categories: ['unsafe_situation'] }, 'veiligheidsfunctionaris', 'vfB', 'brigade', undefined],
    ['the reporter may choose the Meldpunt', { preferMeldpunt: true }, 'meldpunt', 'mpB', 'brigade', undefined],
  ])('when %s', async (_name, change, role, handler, unit, fallback) => {
    const decision = await route(change);
    expect(decision).toMatchObject({ role, handlerId: handler, unitId: unit });
    expect(decision.fallback).toBe(fallback);
    expect(decision.excluded).toContain('soldier');
  });

  it('when the manager is involved, then the whole 4-level chain is excluded and the Meldpunt takes it', async () => {
    const decision = await route({ managerInvolved: 'yes' });
    expect(decision).toMatchObject({ role: 'meldpunt', rule: 'r5_manager_involved', handlerId: 'mpB' });
    expect(decision.excluded).toEqual(expect.arrayContaining(['soldier', 'sergeant', 'lieutenant', 'captain', 'colonel']));
  });

  it('when the reporter would rather not say whether the manager is involved, then the chain is excluded too', async () => {
    const decision = await route({ managerInvolved: 'rather_not_say', kind: 'advice' });
    expect(decision.excluded).toEqual(expect.arrayContaining(['sergeant', 'lieutenant', 'captain', 'colonel']));
    expect(decision.handlerId).toBe('vpBat');
  });

  it('when the vertrouwenspersoon of the unit is named as involved, then the next unit up takes it', async () => {
    const decision = await route({ kind: 'advice', involved: 'Het gaat om Vera Vertrouwen van ons bataljon' });
    expect(decision).toMatchObject({ handlerId: 'vpB', unitId: 'brigade', fallback: 'role_holders_excluded' });
    expect(decision.excluded).toContain('vpBat');
  });

  it('when only the surname of the direct manager is written, with other case and accents, then the line is skipped for the Meldpunt', async () => {
    const decision = await route({ involved: 'sergeant SERGEANT en nog iemand' });
    expect(decision).toMatchObject({ role: 'meldpunt', handlerId: expect.stringMatching(/^mp[12]$/), fallback: 'manager_excluded' });
  });

  it('when the reporter has no manager, then the central Meldpunt takes a line melding', async () => {
    const decision = await route({}, 'loner');
    expect(decision).toMatchObject({ role: 'meldpunt', unitId: 'root', fallback: 'no_manager' });
  });

  it('when the reporter is not in the directory, then the central Meldpunt takes it', async () => {
    const decision = await route({}, 'stranger');
    expect(decision).toMatchObject({ role: 'meldpunt', unitId: 'root', fallback: 'no_manager' });
  });

  it('when the brigade Meldpunt and one central Meldpunt person are named, then the other central one takes it', async () => {
    const decision = await route({ identity: 'confidential', involved: 'Mila Meldpunt and Mark Centraal' });
    expect(decision).toMatchObject({ handlerId: 'mp2', unitId: 'root' });
    expect(decision.excluded).toEqual(expect.arrayContaining(['mpB', 'mp1']));
  });

  it('when every Meldpunt person is involved, then a central coordinator takes it; with nobody left it refuses loudly', async () => {
    const decision = await route({ identity: 'confidential', involved: 'Mila Meldpunt, Mark Centraal, Mona Middel' });
    expect(decision).toMatchObject({ role: 'meldpunt', handlerId: 'coord' });
    await expect(route({ identity: 'confidential', involved: 'Mila Meldpunt, Mark Centraal, Mona Middel, Coby Coordinator' })).rejects.toThrow(NoEligibleHandlerError);
  });

  it('when the same case is routed twice, then the same holder is chosen; different cases spread over holders', async () => {
    const first = await route({ identity: 'anonymous', involved: 'Mila Meldpunt' }, 'soldier', 'case-a');
    expect((await route({ identity: 'anonymous', involved: 'Mila Meldpunt' }, 'soldier', 'case-a')).handlerId).toBe(first.handlerId);
    const chosen = new Set<string>();
    for (let i = 0; i < 20; i += 1) chosen.add((await route({ identity: 'anonymous', involved: 'Mila Meldpunt' }, 'soldier', `case-${i}`)).handlerId);
    expect([...chosen].sort()).toEqual(['mp1', 'mp2']);
  });

  it('when the handler would be the reporter themselves, then they are skipped', async () => {
    const decision = await route({ kind: 'advice' }, 'vpBat');
    expect(decision.handlerId).toBe('vpB');
  });
});

describe('mentionsPerson, through routing', () => {
  it('when two holders share the surname that is written, then both are excluded (a false match only routes elsewhere)', async () => {
    const shared = new JsonDirectory(
      {
        ...data,
        people: data.people.map((person) => (person.aadObjectId === 'vpB' ? { ...person, name: 'Victor Vertrouwen' } : person)),
      },
      'test',
    );
    const decision = await routeReport(
      { report: { ...base, kind: 'advice', involved: 'mevrouw Vertrouwen' }, reporterId: 'soldier', centralUnitId: 'root', caseId: 'c' },
      shared,
    );
    expect(decision.excluded).toEqual(expect.arrayContaining(['vpBat', 'vpB']));
    expect(decision).toMatchObject({ role: 'meldpunt', fallback: 'no_role_holder' });
  });
});
