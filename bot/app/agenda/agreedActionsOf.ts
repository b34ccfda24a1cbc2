import type { TopicPosting } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';

/** An action agreed at a meeting, as the topic card lists it. */
export interface AgreedActionLine {
  text: string;
  ownerName: string;
  dueAt: string;
}

/** The actions agreed when the posting's topic was discussed (none otherwise); removed ones are left out. */
export async function agreedActionsOf(deps: Pick<AgendaDependencies, 'repos' | 'cipher'>, posting: TopicPosting): Promise<AgreedActionLine[]> {
  const lines: AgreedActionLine[] = [];
  for (const actionId of posting.status === 'discussed' ? (posting.actionIds ?? []) : []) {
    const action = (await deps.repos.teamActions.get(actionId))?.value;
    if (!action) continue;
    const owner = deps.cipher.open<{ name: string }>('identity', action.sealedOwner, `${action.id}:owner`);
    lines.push({ text: deps.cipher.open<string>('content', action.sealedText, action.id), ownerName: owner.name, dueAt: action.dueAt });
  }
  return lines;
}
