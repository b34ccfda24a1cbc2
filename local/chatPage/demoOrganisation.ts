import { readFileSync } from 'node:fs';

/** A person of the directory file, as the chat page plays them. */
export interface DemoPerson {
  aadObjectId: string;
  name: string;
  locale: string;
  /** Role names from the directory (meldpunt, vertrouwenspersoon, coordinator…), plus `manager` and `teamOwner`. */
  roles: string[];
  /** Teams user id (29:…) the page uses for this person. */
  teamsUserId: string;
  /** The id of this person's 1:1 chat with the bot. */
  personalConversationId: string;
}

/** A team of the directory file; its General channel has the team's id. */
export interface DemoTeam {
  id: string;
  aadGroupId: string;
  name: string;
  owners: string[];
  members: string[];
}

export interface DemoOrganisation {
  people: DemoPerson[];
  teams: DemoTeam[];
  person(aadObjectId: string): DemoPerson | undefined;
  /** The person whose Teams id, Entra object id or 1:1 chat id this is. */
  personByAnyId(id: string): DemoPerson | undefined;
}

interface DirectoryFileShape {
  units?: { roles?: Record<string, string[]> }[];
  people?: { aadObjectId: string; name: string; locale?: string; managerId?: string | null }[];
  teams?: DemoTeam[];
}

/**
 * Reads the people and teams the chat page offers from the same directory file the bot uses
 * (DIRECTORY_FILE, default the demo organisation). The bot checks the file at start-up; this only
 * picks out names, roles and teams to show.
 */
export function loadDemoOrganisation(directoryFile: string): DemoOrganisation {
  const data = JSON.parse(readFileSync(directoryFile, 'utf8')) as DirectoryFileShape;
  const roles = new Map<string, Set<string>>();
  const addRole = (id: string, role: string) => roles.set(id, (roles.get(id) ?? new Set()).add(role));
  for (const unit of data.units ?? []) {
    for (const [role, holders] of Object.entries(unit.roles ?? {})) for (const holder of holders) addRole(holder, role);
  }
  for (const person of data.people ?? []) if (person.managerId) addRole(person.managerId, 'manager');
  for (const team of data.teams ?? []) for (const owner of team.owners) addRole(owner, 'teamOwner');

  const people: DemoPerson[] = (data.people ?? []).map((person) => ({
    aadObjectId: person.aadObjectId,
    name: person.name,
    locale: person.locale ?? 'nl-NL',
    roles: [...(roles.get(person.aadObjectId) ?? [])].sort(),
    teamsUserId: `29:local-${person.aadObjectId}`,
    personalConversationId: `a:local-${person.aadObjectId}`,
  }));
  const byId = new Map<string, DemoPerson>();
  for (const person of people) {
    byId.set(person.aadObjectId, person);
    byId.set(person.teamsUserId, person);
    byId.set(person.personalConversationId, person);
  }
  const teams = (data.teams ?? []).map((team) => ({ id: team.id, aadGroupId: team.aadGroupId, name: team.name, owners: [...team.owners], members: [...team.members] }));
  return {
    people,
    teams,
    person: (aadObjectId) => people.find((person) => person.aadObjectId === aadObjectId),
    personByAnyId: (id) => byId.get(id),
  };
}
