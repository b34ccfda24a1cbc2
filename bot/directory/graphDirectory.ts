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
  /** A token with User.Read.All (application permission), e.g. from a managed identity. */
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

/**
 * The organisation directory over Microsoft Graph: people and manager chains come from Entra ID
 * (`/users/{id}` and `/users/{id}/manager`), while units, roles and teams come from the JSON
 * structure, since Graph has no notion of them. `teams()` and `team()` return the structure's
 * teams (an empty list when it has none): reading Teams from Graph needs more permissions than
 * routing justifies.
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

  teams(): Promise<TeamEntry[]> {
    return this.structure.teams();
  }

  team(id: string): Promise<TeamEntry | undefined> {
    return this.structure.team(id);
  }

  async isKnown(aadObjectId: string): Promise<boolean> {
    return (await this.user(aadObjectId)) !== undefined;
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
