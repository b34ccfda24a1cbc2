import type { TurnContext } from '@microsoft/agents-hosting';
import { TeamsInfo } from '@microsoft/agents-hosting-extensions-teams';

/** The most members Teams gives per `pagedMembers` page. */
const MAX_PAGE_SIZE = 500;
/** A guard against a connector that keeps handing out continuation tokens. */
const MAX_PAGES = 100;

/**
 * The team's members as the bot roster gives them (`{ userId: aadObjectId, name }`), following `continuationToken` to the last page, at most `max` (default 500).
 *
 * Reads `GET /v3/conversations/{teamId}/pagedMembers?pageSize=…&continuationToken=…` through
 * `TeamsInfo.getPagedTeamMembers`. In SDK 1.8.1 that call follows the continuation tokens itself and returns the whole
 * roster, so `max` caps the result, not the requests; the loop here follows any token the SDK leaves, so a version that
 * returns one page at a time is read to the end as well. Members without an Entra object id (bots, some guests) are
 * skipped: the bot addresses people by it. The roster says nothing about who owns the team (`userRole` is "user" for
 * owners too): see `OrganisationDirectory.teamOwners`.
 *
 * @throws the SDK's HTTP error when the connector refuses (for instance when the bot is not in the team)
 */
export async function readTeamRoster(context: TurnContext, teamId: string, max = 500): Promise<{ userId: string; name: string }[]> {
  const roster: { userId: string; name: string }[] = [];
  if (max <= 0) return roster;
  // Always a number: the SDK sends `String(pageSize)`, so leaving it out would send "undefined".
  const pageSize = Math.min(max, MAX_PAGE_SIZE);
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await TeamsInfo.getPagedTeamMembers(context, teamId, pageSize, continuationToken);
    for (const member of result.members ?? []) {
      if (!member.aadObjectId) continue;
      roster.push({ userId: member.aadObjectId, name: member.name ?? '' });
      if (roster.length >= max) return roster;
    }
    continuationToken = result.continuationToken || undefined;
    if (continuationToken === undefined) break;
  }
  return roster;
}
