import { checkInNotice, type CheckInNoticeView } from '../aftercare/checkInNotice';
import { actionTaskFor, type ActionTask } from '../agenda/actionTask';
import type { AgendaDependencies } from '../agenda/agendaDependencies';
import type { NotificationIntent } from './notificationIntent';
import { handlerTaskFor, type HandlerTask } from '../cases/openHandlerTask';
import type { TeamRecord, TopicPosting } from '../agenda/agendaPorts';

type IntentOf<T extends NotificationIntent['type']> = Extract<NotificationIntent, { type: T }>;

/**
 * An outbox intent with what its card shows, read at delivery from the case, team or action as
 * it is then. Intents that carry all they show need nothing more.
 */
export type NotificationSubject =
  | { type: 'reporterNotice'; intent: IntentOf<'reporterNotice'> }
  | { type: 'feedback'; intent: IntentOf<'feedback'> }
  | { type: 'checkIn'; intent: IntentOf<'checkIn'>; notice: CheckInNoticeView }
  | { type: 'handlerLeft'; intent: IntentOf<'handlerLeft'> }
  | { type: 'lessonToReview'; intent: IntentOf<'lessonToReview'> }
  | { type: 'handlerTask'; intent: IntentOf<'handlerTask'>; task: HandlerTask }
  | { type: 'extensionConsent'; intent: IntentOf<'extensionConsent'>; proposedDueAt: string }
  | { type: 'identityConsent'; intent: IntentOf<'identityConsent'> }
  | { type: 'digest'; intent: IntentOf<'digest'>; unitNames: ReadonlyMap<string, string> }
  | { type: 'teamTopic'; intent: IntentOf<'teamTopic'>; team: TeamRecord; posting: TopicPosting }
  | { type: 'actionTask'; intent: IntentOf<'actionTask'>; task: ActionTask }
  | { type: 'actionLate'; intent: IntentOf<'actionLate'>; teamName: string; ownerName: string; dueAt: string }
  | { type: 'escalation'; intent: IntentOf<'escalation'>; reference: string; dueAt?: string };

/**
 * What a queued message is about now, or undefined when there is nothing to send any more: the
 * case or team is gone, the question was answered, the posting replaced, the action closed.
 */
export async function notificationSubject(deps: Pick<AgendaDependencies, 'repos' | 'cipher' | 'pseudonyms' | 'directory'>, intent: NotificationIntent): Promise<NotificationSubject | undefined> {
  switch (intent.type) {
    case 'reporterNotice':
      return { type: intent.type, intent };
    case 'feedback':
      return { type: intent.type, intent };
    case 'handlerLeft':
      return { type: intent.type, intent };
    case 'lessonToReview':
      return { type: intent.type, intent };
    case 'checkIn': {
      // Stopped by the reporter (or the case gone) since it was queued: nothing to send.
      const notice = await checkInNotice(deps, intent);
      return notice ? { type: intent.type, intent, notice } : undefined;
    }
    case 'handlerTask': {
      const stored = await deps.repos.cases.get(intent.caseId);
      return stored ? { type: intent.type, intent, task: await handlerTaskFor(deps, stored.value) } : undefined;
    }
    case 'extensionConsent': {
      const pending = (await deps.repos.cases.get(intent.caseId))?.value.pendingExtension;
      return pending ? { type: intent.type, intent, proposedDueAt: pending.proposedDueAt } : undefined;
    }
    case 'identityConsent': {
      // Answered (or the case gone) before delivery: nothing to ask any more.
      const stored = await deps.repos.cases.get(intent.caseId);
      return stored?.value.identityRequest?.state === 'pending' ? { type: intent.type, intent } : undefined;
    }
    case 'digest': {
      const unitNames = new Map<string, string>();
      for (const line of [...intent.units, ...(intent.agenda ?? [])]) {
        if (!unitNames.has(line.unitId)) unitNames.set(line.unitId, (await deps.directory.unitChain(line.unitId))[0]?.name ?? line.unitId);
      }
      return { type: intent.type, intent, unitNames };
    }
    case 'teamTopic': {
      const team = (await deps.repos.teams.get(intent.teamKey))?.value;
      const posting = team?.postings.find((candidate) => candidate.id === intent.postingId);
      // Removed from the team, or the posting was replaced before it went out: nothing to post.
      return team && posting && posting.status !== 'replaced' ? { type: intent.type, intent, team, posting } : undefined;
    }
    case 'actionTask': {
      const action = (await deps.repos.teamActions.get(intent.actionId))?.value;
      if (!action || (intent.news === 'reminder' && !action.isOpen)) return undefined;
      return { type: intent.type, intent, task: await actionTaskFor(deps, action) };
    }
    case 'actionLate': {
      const action = (await deps.repos.teamActions.get(intent.actionId))?.value;
      if (!action?.isOpen) return undefined;
      const team = (await deps.repos.teams.get(action.teamKey))?.value;
      const owner = deps.cipher.open<{ name: string }>('identity', action.sealedOwner, `${action.id}:owner`);
      return { type: intent.type, intent, teamName: team?.name ?? '', ownerName: owner.name, dueAt: action.dueAt };
    }
    case 'escalation': {
      const stored = await deps.repos.cases.get(intent.caseId);
      if (!stored) return undefined;
      const clock = stored.value.clocks?.find((item) => item.clock === intent.clock);
      return { type: intent.type, intent, reference: stored.value.reference, dueAt: clock?.dueAt };
    }
  }
}
