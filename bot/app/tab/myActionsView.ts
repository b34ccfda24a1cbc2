import { DateTime } from 'luxon';
import { NotFoundError } from '../../domain/errors';
import { ZONE } from '../../domain/workingCalendar';
import { actionTaskFor } from '../agenda/actionTask';
import type { AgendaDependencies } from '../agenda/agendaDependencies';
import type { TeamActionRecord } from '../agenda/agendaPorts';
import type { PageRequest } from '../common/storePorts';

/** One agreed meeting action in "Mijn taken", as its task card shows it to its owner. */
export interface MyActionView {
  actionId: string;
  /** What was agreed (one line, no names or case details). */
  text: string;
  teamName: string;
  state: TeamActionRecord['state'];
  /** The due moment, and its date in Amsterdam (YYYY-MM-DD). */
  dueAt: string;
  dueDate: string;
  late: boolean;
}

const MAX_PAGES = 10;

/**
 * The open agreed actions this person owns (as the action task card, for its owner only), the
 * earliest due first. Only actions whose owner key is theirs are read (at most 1,000: ten pages).
 */
export async function myActionsView(deps: AgendaDependencies, userId: string): Promise<MyActionView[]> {
  const ownerKey = deps.pseudonyms.pseudonym('user', userId);
  const owned: TeamActionRecord[] = [];
  let page: PageRequest = { limit: 100 };
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const result = await deps.repos.teamActions.listOpenByOwner(ownerKey, page);
    owned.push(...result.items.map((item) => item.value));
    if (!result.continuationToken) break;
    page = { limit: 100, continuationToken: result.continuationToken };
  }
  const now = deps.clock.now();
  const views = await Promise.all(owned.map((action) => actionViewOf(deps, action, now)));
  return views.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * The caller's own action by id, before a change from the tab: anyone else's (or none) is "not
 * found", whatever they sent, as the tab's case routes answer. The change itself checks again (changeTeamAction).
 */
export async function ownActionView(deps: AgendaDependencies, actionId: string, userId: string): Promise<MyActionView> {
  const action = (await deps.repos.teamActions.get(actionId))?.value;
  if (!action || action.ownerKey !== deps.pseudonyms.pseudonym('user', userId)) throw new NotFoundError('action');
  return actionViewOf(deps, action, deps.clock.now());
}

async function actionViewOf(deps: AgendaDependencies, action: TeamActionRecord, now: Date): Promise<MyActionView> {
  const task = await actionTaskFor(deps, action);
  return {
    actionId: action.id,
    text: task.text,
    teamName: task.teamName,
    state: action.state,
    dueAt: action.dueAt,
    dueDate: DateTime.fromISO(action.dueAt, { zone: ZONE }).toISODate() ?? '',
    late: action.state === 'open' && Date.parse(action.dueAt) < now.getTime(),
  };
}
