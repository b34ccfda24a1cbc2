import { z } from 'zod';
import type { DirectoryRole, OrganisationDirectory, Person, RoleHolders, TeamEntry, Unit } from '../domain/directory';
import { DirectoryUnavailableError } from '../domain/directoryUnavailableError';
import { ConfigurationError } from '../domain/errors';
import { fetchGraphJson, type GraphRequestOptions } from './fetchGraphJson';
import type { JsonDirectory } from './jsonDirectory';
import { TtlCache } from './ttlCache';
import { DEFAULT_MAX_DEPTH, walkManagerChain } from './walkManagerChain';

/** The fields of a Graph user this directory reads. */
export interface GraphUser {
  id: string;
  displayName?: string | null;
  department?: string | null;
  preferredLanguage?: string | null;
}

/** Decides a person's unit id from what Graph says about them; undefined when it cannot tell. */
export type UnitOfPerson = (user: GraphUser) => string | undefined;

/** Options of {@link GraphDirectory}. */
export interface GraphDirectoryOptions {
  /** Graph's root; a national cloud or a test server may differ. Default `https://graph.microsoft.com`. */
  baseUrl?: string;
  /**
   * A token with User.Read.All (application permission), e.g. from a managed identity. Team owners are read with the same
   * app-only token, under the resource-specific consent `TeamMember.Read.Group` that the manifest asks for and each team
   * grants when it installs the app.
   */
  getToken: () => Promise<string>;
  /** Units, roles and teams, which Graph does not hold; also consulted for people's units and gender. */
  structure: JsonDirectory;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Maps Graph's free-text `department` to a unit id, for people the structure file does not list. */
  departmentToUnit?: Record<string, string>;
  /** Replaces the default unit strategy: the structure file's `people[].unit`, else `departmentToUnit`. */
  unitOfPerson?: UnitOfPerson;
  /** Waits between retries. Default: a timer; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Current time in milliseconds, for the cache. Default `Date.now`. */
  now?: () => number;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** How long a person or manager lookup is reused. Default 5 minutes: a routing decision reads the same chain several times, while HR changes may wait that long. */
  cacheTtlMs?: number;
  /** How long a team's owners are reused. Default 1 minute: they decide who may change team settings, so a removed owner should lose that soon, while one settings dialog asks several times. */
  teamOwnersCacheTtlMs?: number;
  /** Attempts per request, the first included. Default 3. */
  maxAttempts?: number;
  /** Per attempt. Default 10 seconds. */
  timeoutMs?: number;
}

const userSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  department: z.string().nullish(),
  preferredLanguage: z.string().nullish(),
});
const managerSchema = z.object({ id: z.string().min(1), displayName: z.string().nullish() });
/** One page of `/teams/{id}/members`: conversation members; only `aadUserConversationMember`s have a `userId`. */
const teamMembersPageSchema = z.object({
  value: z.array(z.object({ roles: z.array(z.string()).nullish(), userId: z.string().nullish() })),
  '@odata.nextLink': z.string().nullish(),
});
/** A guard against next links that never end: a team has at most 25,000 members, so even one per page ends by then. */
const MAX_TEAM_MEMBER_PAGES = 25_000;

/**
 * The organisation directory over Microsoft Graph: people and manager chains come from Entra ID
 * (`/users/{id}` and `/users/{id}/manager`), while units, roles and teams come from the JSON
 * structure, since Graph has no notion of them. `teams()` and `team()` return the structure's
 * teams (an empty list when it has none): reading Teams from Graph needs more permissions than
 * routing justifies. `teamOwners()` is the exception: Teams' bot roster does not say who owns a
 * team, so owners come from Graph (`/teams/{groupId}/members`, allowed per team by resource-specific
 * consent) whenever the team's group id is known, from the call or from the structure.
 *
 * Lookups are cached for a short time. Nothing about people is logged, and error messages name
 * the kind of lookup, never an id. A failed lookup throws `DirectoryUnavailableError`; only a
 * 404 means "not there", so a Graph outage never makes someone look gone.
 *
 * `getPerson` leaves `managerId` unset (it would cost a second request); `managerChain` links
 * the people it returns.
 */
export class GraphDirectory implements OrganisationDirectory {
  private readonly request: GraphRequestOptions;
  private readonly structure: JsonDirectory;
  private readonly unitOfPerson: UnitOfPerson;
  private readonly users: TtlCache<GraphUser | undefined>;
  private readonly managers: TtlCache<GraphUser | null>;
  private readonly owners: TtlCache<readonly string[]>;

  /** @throws ConfigurationError when `baseUrl` is not an http(s) URL or `departmentToUnit` names units the structure lacks */
  constructor(options: GraphDirectoryOptions) {
    const problems: string[] = [];
    const baseUrl = (options.baseUrl ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/.test(baseUrl)) problems.push(`Graph baseUrl ${JSON.stringify(baseUrl)} is not an http(s) URL`);
    const departmentToUnit = new Map(Object.entries(options.departmentToUnit ?? {}));
    for (const [department, unitId] of departmentToUnit) {
      if (options.structure.unitById(unitId) === undefined) problems.push(`departmentToUnit[${JSON.stringify(department)}]: unit ${JSON.stringify(unitId)} does not exist`);
    }
    if (problems.length > 0) throw new ConfigurationError(problems);

    const now = options.now ?? Date.now;
    this.request = {
      baseUrl,
      getToken: options.getToken,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now,
      random: options.random ?? Math.random,
      maxAttempts: options.maxAttempts ?? 3,
      timeoutMs: options.timeoutMs ?? 10_000,
    };
    this.structure = options.structure;
    this.unitOfPerson =
      options.unitOfPerson ??
      ((user) => this.structure.personById(user.id)?.unitId ?? (user.department ? departmentToUnit.get(user.department) : undefined));
    const ttl = options.cacheTtlMs ?? 5 * 60_000;
    this.users = new TtlCache(ttl, now);
    this.managers = new TtlCache(ttl, now);
    this.owners = new TtlCache(options.teamOwnersCacheTtlMs ?? 60_000, now);
  }

  async getPerson(aadObjectId: string): Promise<Person | undefined> {
    const user = await this.user(aadObjectId);
    return user === undefined ? undefined : this.toPerson(user);
  }

  async managerChain(aadObjectId: string, maxDepth = DEFAULT_MAX_DEPTH): Promise<Person[]> {
    const { chain, end } = await walkManagerChain(aadObjectId, maxDepth, async (id) => {
      const manager = await this.manager(id);
      return manager === null ? undefined : this.toPerson(manager);
    });
    return chain.map((person, index) => {
      const next = chain[index + 1];
      if (next !== undefined) return { ...person, managerId: next.aadObjectId };
      return end === 'top' ? { ...person, managerId: null } : person;
    });
  }

  async unitOf(aadObjectId: string): Promise<Unit | undefined> {
    const unitId = (await this.getPerson(aadObjectId))?.unitId;
    return unitId === undefined ? undefined : this.structure.unitById(unitId);
  }

  unitChain(unitId: string): Promise<Unit[]> {
    return this.structure.unitChain(unitId);
  }

  holdersOfRole(role: DirectoryRole, unitId: string): Promise<RoleHolders> {
    return this.structure.holdersOfRole(role, unitId);
  }

  allUnits(): Promise<Unit[]> {
    return this.structure.allUnits();
  }

  teams(): Promise<TeamEntry[]> {
    return this.structure.teams();
  }

  team(id: string): Promise<TeamEntry | undefined> {
    return this.structure.team(id);
  }

  async isKnown(aadObjectId: string): Promise<boolean> {
    return (await this.user(aadObjectId)) !== undefined;
  }

  /**
   * From Graph when the group id is known (given, or from the structure's entry for the team); a team Graph does not know
   * (404) has no owners. Without a group id, the structure's owners.
   *
   * @throws DirectoryUnavailableError when Graph fails (for instance 403 when the team has not granted the consent): a
   *   failure must not look like "no owners", nor fall back to a file that may be out of date
   */
  async teamOwners(team: { teamId: string; aadGroupId?: string }): Promise<string[]> {
    const groupId = team.aadGroupId ?? this.structure.teamEntry(team)?.aadGroupId;
    if (groupId === undefined) return this.structure.teamOwners(team);
    const cached = this.owners.get(groupId);
    if (cached !== undefined) return [...cached.value];
    const owners = await this.readTeamOwners(groupId);
    this.owners.set(groupId, owners);
    return [...owners];
  }

  private async user(aadObjectId: string): Promise<GraphUser | undefined> {
    const cached = this.users.get(aadObjectId);
    if (cached !== undefined) return cached.value;
    const body = await fetchGraphJson(this.request, `/v1.0/users/${encodeURIComponent(aadObjectId)}?$select=id,displayName,department,preferredLanguage`, 'user lookup');
    const user = body === undefined ? undefined : parse(userSchema, body, 'user lookup');
    this.users.set(aadObjectId, user);
    return user;
  }

  /** The person's manager; null at the top of the chain (Graph answers 404). */
  private async manager(aadObjectId: string): Promise<GraphUser | null> {
    const cached = this.managers.get(aadObjectId);
    if (cached !== undefined) return cached.value;
    const body = await fetchGraphJson(this.request, `/v1.0/users/${encodeURIComponent(aadObjectId)}/manager?$select=id,displayName`, 'manager lookup');
    const manager = body === undefined ? null : parse(managerSchema, body, 'manager lookup');
    this.managers.set(aadObjectId, manager);
    return manager;
  }

  /** Every page of the team's members, keeping the user ids of those with the role "owner". */
  private async readTeamOwners(groupId: string): Promise<string[]> {
    const what = 'team owners lookup';
    const owners = new Set<string>();
    let path = `/v1.0/teams/${encodeURIComponent(groupId)}/members`;
    for (let page = 1; ; page += 1) {
      const body = await fetchGraphJson(this.request, path, what);
      if (body === undefined) {
        // Only the first page can say that the team is not there; a later 404 is a broken next link.
        if (page === 1) return [];
        throw new DirectoryUnavailableError(`Graph ${what}: a next page is gone`);
      }
      const { value, '@odata.nextLink': nextLink } = parse(teamMembersPageSchema, body, what);
      for (const member of value) {
        if (member.userId && member.roles?.includes('owner')) owners.add(member.userId);
      }
      if (!nextLink) return [...owners];
      if (page >= MAX_TEAM_MEMBER_PAGES) throw new DirectoryUnavailableError(`Graph ${what}: more than ${MAX_TEAM_MEMBER_PAGES} pages`);
      path = this.pathOfNextLink(nextLink, what);
    }
  }

  /** The path of an `@odata.nextLink`, which must point at the same Graph: the bearer token goes wherever it points. */
  private pathOfNextLink(nextLink: string, what: string): string {
    const prefix = `${this.request.baseUrl}/`;
    if (!nextLink.startsWith(prefix)) throw new DirectoryUnavailableError(`Graph ${what}: the next page link points outside Graph`);
    return nextLink.slice(prefix.length - 1);
  }

  private toPerson(user: GraphUser): Person {
    const listed = this.structure.personById(user.id);
    const unitId = this.unitOfPerson(user);
    const locale = user.preferredLanguage ?? listed?.locale;
    return {
      aadObjectId: user.id,
      name: user.displayName ?? listed?.name ?? '',
      // A unit the structure does not know would make role lookups silently find nobody.
      ...(unitId !== undefined && this.structure.unitById(unitId) !== undefined ? { unitId } : {}),
      ...(locale ? { locale } : {}),
      ...(listed?.gender === undefined ? {} : { gender: listed.gender }),
    };
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  // The issues are not included: they could quote values about a person.
  if (!parsed.success) throw new DirectoryUnavailableError(`Graph ${what}: unexpected response shape`);
  return parsed.data;
}
