/**
 * The organisation directory: who someone is, who their manager is, which unit (eenheid) they
 * belong to and who holds a routing role for a unit. Routing asks these questions to find the
 * handler of a report; it never needs to know where the answers come from (a JSON file, or
 * Microsoft Graph plus a JSON file for the unit structure).
 *
 * People are identified by their Entra object id (`aadObjectId`, the id Teams gives a user).
 */

/**
 * The roles a report can be routed to, held per organisational unit.
 * - `meldpunt`: the integrity reporting desk (Meldpunt Integriteit Defensie on the root unit);
 * - `vertrouwenspersoon`: confidential counsellor (VP);
 * - `klachtencoordinator`: complaints coordinator: the DKP (decentraal) of a unit; the one on the
 *   root unit is the CKP (centraal klachtencoördinatiepunt);
 * - `veiligheidsfunctionaris`: safety officer, for unsafe physical situations;
 * - `ago`: mediation (Alternatieve Geschillen Oplossing);
 * - `coordinator`: sees trends and receives escalations of late cases.
 */
export const DIRECTORY_ROLES = ['meldpunt', 'vertrouwenspersoon', 'klachtencoordinator', 'veiligheidsfunctionaris', 'ago', 'coordinator'] as const;

/** One of {@link DIRECTORY_ROLES}. */
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];

/** A person in the directory. */
export interface Person {
  /** Entra object id. */
  aadObjectId: string;
  /** Display name. */
  name: string;
  /** The unit the person belongs to, when known. */
  unitId?: string;
  /** The direct manager's `aadObjectId`; `null` when the person has none (top of the chain); absent when not known. */
  managerId?: string | null;
  /** Preferred language, e.g. `nl-NL`. */
  locale?: string;
  /** Only used to honour a reporter's preference for the gender of a vertrouwenspersoon. */
  gender?: string;
}

/** An organisational unit (eenheid). Units form a tree; the root is Defensie as a whole. */
export interface Unit {
  id: string;
  name: string;
  /** The parent unit; absent on the root. */
  parentId?: string;
  /** `aadObjectId`s of the people holding each role on this unit. A role left out (or empty) is inherited from the parent. */
  roles: Partial<Record<DirectoryRole, string[]>>;
}

/** A Teams team known to the directory, e.g. for werkoverleg topics. */
export interface TeamEntry {
  /** The Teams id (`19:…@thread.tacv2`). */
  id: string;
  /** The Microsoft 365 group behind the team. */
  aadGroupId?: string;
  name: string;
  unitId: string;
  /** `aadObjectId`s of the owners. */
  owners: string[];
  /** `aadObjectId`s of the members. */
  members: string[];
}

/** Who holds a role for a unit, and on which unit (the asked one or an ancestor) that was found. */
export interface RoleHolders {
  /** The unit the holders were found on; the unit asked about when nobody holds the role. */
  unitId: string;
  /** `aadObjectId`s; empty when no unit up to the root has the role. */
  people: string[];
}

/** The whole directory as data: what a directory file holds once parsed, or what a test builds in code. */
export interface DirectoryData {
  units: Unit[];
  people: Person[];
  teams?: TeamEntry[];
}

/**
 * The port routing uses to find people and role holders. Implementations: `JsonDirectory`
 * (bot/directory/jsonDirectory.ts) and `GraphDirectory` (bot/directory/graphDirectory.ts).
 */
export interface OrganisationDirectory {
  /** The person, or undefined when the directory does not know them. */
  getPerson(aadObjectId: string): Promise<Person | undefined>;
  /**
   * The direct manager first, then theirs, and so on. Stops at the top, at `maxDepth` managers,
   * or before a person would appear twice (HR data can contain manager cycles). `maxDepth`
   * defaults to 10. Empty when the person is not known or has no manager.
   */
  managerChain(aadObjectId: string, maxDepth?: number): Promise<Person[]>;
  /** The person's unit, or undefined when the person or their unit is not known. */
  unitOf(aadObjectId: string): Promise<Unit | undefined>;
  /** The unit, its parent, …, the root; empty when the unit is not known. */
  unitChain(unitId: string): Promise<Unit[]>;
  /** Who holds `role` on the unit; a unit without holders inherits them from its nearest ancestor that has some. */
  holdersOfRole(role: DirectoryRole, unitId: string): Promise<RoleHolders>;
  /** Every unit, in the directory's order. */
  allUnits(): Promise<Unit[]>;
  /** The teams the directory knows. */
  teams(): Promise<TeamEntry[]>;
  /** One team by its Teams id (or its group id), or undefined. */
  team(id: string): Promise<TeamEntry | undefined>;
  /**
   * Entra object ids of a team's owners: from Microsoft Graph (`/teams/{aadGroupId}/members`, role "owner", every page)
   * when this directory reads Graph and the group id is known; otherwise from the directory file's `teams` block (matched
   * by Teams id or group id). Empty when the team is not known.
   */
  teamOwners(team: { teamId: string; aadGroupId?: string }): Promise<string[]>;
  /** Whether the person (still) exists in the directory: a person who disappears needs their cases handed over. */
  isKnown(aadObjectId: string): Promise<boolean>;
}
