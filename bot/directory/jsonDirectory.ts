import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  DIRECTORY_ROLES,
  type DirectoryData,
  type DirectoryRole,
  type OrganisationDirectory,
  type Person,
  type RoleHolders,
  type TeamEntry,
  type Unit,
} from '../domain/directory';
import { ConfigurationError } from '../domain/errors';
import { DIRECTORY_ID_FIELDS, directoryEntryLabel, type DirectoryCollection } from './directoryEntryLabel';
import { directoryFileSchema, type DirectoryFile } from './directoryFileSchema';
import { findDirectoryProblems } from './findDirectoryProblems';
import { DEFAULT_MAX_DEPTH, walkManagerChain } from './walkManagerChain';

/**
 * The organisation directory held in memory, built from a JSON file (see
 * config/directory.demo.json) or from data in code. Everything is checked and indexed once, at
 * start-up, so lookups are map reads and a broken file stops the start instead of misrouting a
 * report later. Returned objects are frozen: they are shared by every caller.
 */
export class JsonDirectory implements OrganisationDirectory {
  private readonly units = new Map<string, Unit>();
  private readonly people = new Map<string, Person>();
  private readonly teamsById = new Map<string, TeamEntry>();
  private readonly teamsByGroupId = new Map<string, TeamEntry>();
  private readonly teamList: TeamEntry[] = [];
  private readonly chains = new Map<string, readonly Unit[]>();

  /**
   * @param data the directory; its references are checked here
   * @param source names the data in error messages, e.g. the file name
   * @throws ConfigurationError listing every problem, one line each, naming the entry
   */
  constructor(data: DirectoryData, source = 'directory') {
    const problems = findDirectoryProblems(data);
    if (problems.length > 0) throw new ConfigurationError(problems.map((problem) => `${source}: ${problem}`));

    for (const unit of data.units) this.units.set(unit.id, freezeUnit(unit));
    for (const person of data.people) this.people.set(person.aadObjectId, Object.freeze({ ...person }));
    for (const entry of data.teams ?? []) {
      const team = Object.freeze({ ...entry, owners: Object.freeze([...entry.owners]), members: Object.freeze([...entry.members]) }) as TeamEntry;
      this.teamsById.set(team.id, team);
      if (team.aadGroupId !== undefined && !this.teamsByGroupId.has(team.aadGroupId)) this.teamsByGroupId.set(team.aadGroupId, team);
      this.teamList.push(team);
    }
    // The tree is known to be acyclic now, so every chain ends at a root.
    for (const unit of this.units.values()) {
      const chain: Unit[] = [];
      for (let current: Unit | undefined = unit; current !== undefined; current = current.parentId === undefined ? undefined : this.units.get(current.parentId)) {
        chain.push(current);
      }
      this.chains.set(unit.id, Object.freeze(chain));
    }
  }

  /** The person, synchronously (for strategies that run inside another directory). */
  personById(aadObjectId: string): Person | undefined {
    return this.people.get(aadObjectId);
  }

  /** Everyone in the directory, in file order (for pickers: the port itself has no way to list people). */
  listPeople(): readonly Person[] {
    return [...this.people.values()];
  }

  /** Units without a parent (an organisation normally has one: its central unit). */
  rootUnitIds(): string[] {
    return [...this.units.values()].filter((unit) => unit.parentId === undefined).map((unit) => unit.id);
  }

  /** The unit, synchronously. */
  unitById(unitId: string): Unit | undefined {
    return this.units.get(unitId);
  }

  async getPerson(aadObjectId: string): Promise<Person | undefined> {
    return this.people.get(aadObjectId);
  }

  async managerChain(aadObjectId: string, maxDepth = DEFAULT_MAX_DEPTH): Promise<Person[]> {
    const { chain } = await walkManagerChain(aadObjectId, maxDepth, async (id) => {
      const managerId = this.people.get(id)?.managerId;
      return typeof managerId === 'string' ? this.people.get(managerId) : undefined;
    });
    return chain;
  }

  async unitOf(aadObjectId: string): Promise<Unit | undefined> {
    const unitId = this.people.get(aadObjectId)?.unitId;
    return unitId === undefined ? undefined : this.units.get(unitId);
  }

  async unitChain(unitId: string): Promise<Unit[]> {
    return [...(this.chains.get(unitId) ?? [])];
  }

  async holdersOfRole(role: DirectoryRole, unitId: string): Promise<RoleHolders> {
    for (const unit of this.chains.get(unitId) ?? []) {
      const holders = unit.roles[role];
      // An empty list counts as "not set": a unit must never end up with nobody to go to.
      if (holders !== undefined && holders.length > 0) return { unitId: unit.id, people: [...holders] };
    }
    return { unitId, people: [] };
  }

  async allUnits(): Promise<Unit[]> {
    return [...this.units.values()];
  }

  async teams(): Promise<TeamEntry[]> {
    return [...this.teamList];
  }

  async team(id: string): Promise<TeamEntry | undefined> {
    return this.teamsById.get(id) ?? this.teamsByGroupId.get(id);
  }

  async teamOwners(team: { teamId: string; aadGroupId?: string }): Promise<string[]> {
    return [...(this.teamEntry(team)?.owners ?? [])];
  }

  /** The `teams` entry of a team, synchronously: by its Teams id, else by its group id (either given as the Teams id too). */
  teamEntry(team: { teamId: string; aadGroupId?: string }): TeamEntry | undefined {
    return (
      this.teamsById.get(team.teamId) ??
      (team.aadGroupId === undefined ? undefined : this.teamsByGroupId.get(team.aadGroupId)) ??
      this.teamsByGroupId.get(team.teamId)
    );
  }

  async isKnown(aadObjectId: string): Promise<boolean> {
    return this.people.has(aadObjectId);
  }
}

/**
 * Validates a parsed directory file and builds the directory.
 *
 * @param json the parsed JSON
 * @param source names the file in error messages
 * @throws ConfigurationError with one line per problem, each naming the entry, e.g.
 *   `directory.json: units[3] (id "u-x"): parent "u-nope" does not exist`
 */
export function parseJsonDirectory(json: unknown, source: string): JsonDirectory {
  const parsed = directoryFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map((issue) => `${source}: ${describeIssue(issue, json)}`));
  return new JsonDirectory(toDirectoryData(parsed.data), source);
}

/**
 * Reads the directory file synchronously (once, at start-up) and builds the directory.
 *
 * @throws ConfigurationError when the file cannot be read, is not JSON, or is not a valid directory
 */
export function loadJsonDirectory(path: string): JsonDirectory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConfigurationError([`${path}: cannot read the directory file (${code === 'ENOENT' ? 'file not found' : code})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError([`${path}: not valid JSON: ${(error as Error).message}`]);
  }
  return parseJsonDirectory(json, path);
}

function toDirectoryData(file: DirectoryFile): DirectoryData {
  return {
    units: file.units.map((unit) => {
      const parentId = unit.parent ?? unit.parentId ?? undefined;
      return { id: unit.id, name: unit.name, ...(parentId === undefined ? {} : { parentId }), roles: unit.roles ?? {} };
    }),
    people: file.people.map((person) => {
      const unitId = person.unit ?? person.unitId;
      return {
        aadObjectId: person.aadObjectId,
        name: person.name,
        ...(unitId === undefined ? {} : { unitId }),
        ...(person.managerId === undefined ? {} : { managerId: person.managerId }),
        ...(person.locale === undefined ? {} : { locale: person.locale }),
        ...(person.gender === undefined ? {} : { gender: person.gender }),
      };
    }),
    teams: (file.teams ?? []).map((team) => ({
      id: team.id,
      ...(team.aadGroupId === undefined ? {} : { aadGroupId: team.aadGroupId }),
      name: team.name,
      // The schema requires one of the two spellings.
      unitId: team.unit ?? team.unitId ?? '',
      owners: team.owners,
      members: team.members,
    })),
  };
}

function freezeUnit(unit: Unit): Unit {
  const roles: Partial<Record<DirectoryRole, string[]>> = {};
  for (const role of DIRECTORY_ROLES) {
    const holders = unit.roles[role];
    if (holders !== undefined) roles[role] = Object.freeze([...holders]) as string[];
  }
  return Object.freeze({ ...unit, roles: Object.freeze(roles) });
}

const COLLECTIONS: readonly string[] = ['units', 'people', 'teams'] satisfies DirectoryCollection[];

/** Turns a zod issue into `units[3] (id "u-x"): roles.meldpunt[0]: <message>`, taking the id from the raw entry. */
function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const [collection, index, ...rest] = issue.path;
  if (typeof collection === 'string' && COLLECTIONS.includes(collection) && typeof index === 'number') {
    const name = collection as DirectoryCollection;
    const entry = (json as Record<string, unknown[]>)[name][index];
    const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[DIRECTORY_ID_FIELDS[name]] : undefined;
    const field = formatPath(rest);
    return `${directoryEntryLabel(name, index, id)}: ${field === '' ? '' : `${field}: `}${issue.message}`;
  }
  const field = formatPath(issue.path);
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, position) => (typeof key === 'number' ? `[${key}]` : `${position === 0 ? '' : '.'}${String(key)}`)).join('');
}
