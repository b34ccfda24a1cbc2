import { chooseRoute, type HandlerRole, type RoutingRule } from './chooseRoute';
import type { DirectoryRole, OrganisationDirectory, Person } from './directory';
import { mentionsPerson } from './mentionsPerson';
import type { CompleteReport } from './report';

/** Why the primary handler is not the first choice of the rule. */
export type RoutingFallback =
  | 'no_manager' // the reporter has no (known) manager: the line cannot take it
  | 'manager_excluded' // the direct manager is named as involved
  | 'role_holders_excluded' // every holder of the role in the unit is involved: a unit higher up
  | 'no_role_holder' // nobody holds the role up to the root
  | 'central_meldpunt'; // ended at the central Meldpunt

/** The decision: who handles the case, in which role and unit, why, and who may never see it. */
export interface RoutingDecision {
  role: HandlerRole;
  rule: RoutingRule;
  /** Entra object id of the handler. */
  handlerId: string;
  /** The unit whose role holder took it (the reporter's unit or one above it). */
  unitId: string;
  fallback?: RoutingFallback;
  /** Entra object ids of people who may never be assigned to or see this case. */
  excluded: string[];
}

export interface RoutingInput {
  report: Pick<CompleteReport, 'kind' | 'identity' | 'managerInvolved' | 'categories' | 'preferMeldpunt' | 'involved'>;
  /** The reporter's Entra object id: used for the lookup only, never stored with anonymous cases. */
  reporterId: string;
  /** The root unit, whose Meldpunt is the last resort. */
  centralUnitId: string;
  /** Spreads cases over the holders of a role, stably per case. */
  caseId: string;
  /** People who may never handle this case besides those the rules exclude (a retaliation case: the first case's handler and their line). */
  alsoExcluded?: readonly string[];
  /** Whether a person is excluded for another reason (a retaliation case: excluded from the first case); those found are excluded here too. */
  isExcluded?: (personId: string) => boolean;
}

/** Raised when not even the central Meldpunt or its coordinators have an eligible person: the directory must be fixed. */
export class NoEligibleHandlerError extends Error {
  constructor() {
    super('no eligible handler, not even at the central Meldpunt');
    this.name = 'NoEligibleHandlerError';
  }
}

const ROLE_IN_DIRECTORY: Record<Exclude<HandlerRole, 'line_manager'>, DirectoryRole> = {
  vertrouwenspersoon: 'vertrouwenspersoon',
  klachtencoordinator: 'klachtencoordinator',
  ago: 'ago',
  meldpunt: 'meldpunt',
  veiligheidsfunctionaris: 'veiligheidsfunctionaris',
};

/**
 * Routes a report to one person (DOMAIN.md rules), never to someone involved: the reporter,
 * anyone in their manager chain when the manager may be involved, and anyone whose name appears
 * in the "who was involved" answer. When a role has nobody eligible in the reporter's unit, it
 * goes up the unit tree; in the end to the central Meldpunt. A case is never left unassigned.
 */
export async function routeReport(input: RoutingInput, directory: OrganisationDirectory): Promise<RoutingDecision> {
  const { report } = input;
  const choice = chooseRoute({ ...report, preferMeldpunt: report.preferMeldpunt === true });
  const managerChain = await directory.managerChain(input.reporterId);
  const reporterUnit = await directory.unitOf(input.reporterId);
  const unitId = reporterUnit?.id ?? input.centralUnitId;

  const excluded = new Set<string>([input.reporterId, ...(input.alsoExcluded ?? [])]);
  if (report.managerInvolved !== 'no') for (const manager of managerChain) excluded.add(manager.aadObjectId);
  const isEligible = async (personId: string): Promise<boolean> => {
    if (excluded.has(personId)) return false;
    if (input.isExcluded?.(personId)) {
      excluded.add(personId);
      return false;
    }
    const person = await directory.getPerson(personId);
    if (person && mentionsPerson(report.involved, person.name)) {
      excluded.add(personId);
      return false;
    }
    return true;
  };
  const decide = (role: HandlerRole, handlerId: string, where: string, fallback?: RoutingFallback): RoutingDecision => ({
    role,
    rule: choice.rule,
    handlerId,
    unitId: where,
    fallback,
    excluded: [...excluded],
  });

  if (choice.role === 'line_manager') {
    const manager: Person | undefined = managerChain[0];
    if (manager && (await isEligible(manager.aadObjectId))) return decide('line_manager', manager.aadObjectId, unitId);
    return centralMeldpunt(manager ? 'manager_excluded' : 'no_manager');
  }

  // Complaints about the unit's leadership go to the central complaints point (CKP), not the unit's DKP.
  const startUnit = choice.role === 'klachtencoordinator' && report.managerInvolved !== 'no' ? input.centralUnitId : unitId;
  const found = await firstEligibleHolder(ROLE_IN_DIRECTORY[choice.role], startUnit);
  if (found) return decide(choice.role, found.personId, found.unitId, found.skipped ? 'role_holders_excluded' : undefined);
  return centralMeldpunt(choice.role === 'meldpunt' ? 'role_holders_excluded' : 'no_role_holder');

  async function firstEligibleHolder(role: DirectoryRole, fromUnit: string): Promise<{ personId: string; unitId: string; skipped: boolean } | undefined> {
    let skipped = false;
    for (const unit of await directory.unitChain(fromUnit)) {
      const holders = await directory.holdersOfRole(role, unit.id);
      if (holders.unitId !== unit.id) continue; // inherited: that unit comes later in the chain
      const eligible: string[] = [];
      for (const personId of holders.people) if (await isEligible(personId)) eligible.push(personId);
      if (eligible.length > 0) return { personId: pickStable(eligible, input.caseId), unitId: unit.id, skipped };
      if (holders.people.length > 0) skipped = true;
    }
    return undefined;
  }

  async function centralMeldpunt(fallback: RoutingFallback): Promise<RoutingDecision> {
    for (const role of ['meldpunt', 'coordinator'] as const) {
      const holders = await directory.holdersOfRole(role, input.centralUnitId);
      for (const personId of [...holders.people].sort(byStableOrder(input.caseId))) {
        if (await isEligible(personId)) return decide('meldpunt', personId, holders.unitId, fallback);
      }
    }
    throw new NoEligibleHandlerError();
  }
}

/** One of several people, the same one for the same case, spread evenly over cases. */
function pickStable(people: string[], caseId: string): string {
  return [...people].sort(byStableOrder(caseId))[0];
}

function byStableOrder(caseId: string): (a: string, b: string) => number {
  return (a, b) => stableHash(`${caseId}|${a}`) - stableHash(`${caseId}|${b}`) || a.localeCompare(b);
}

/** FNV-1a: a cheap, stable spread (not security). */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
