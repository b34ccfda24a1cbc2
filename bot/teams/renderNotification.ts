import { renderFeedback } from '../../cards/feedback';
import { renderCheckIn } from '../../cards/checkIn';
import { checkInNotice } from '../app/aftercare/checkInNotice';
import { keyInGroup } from '../../cards/keyInGroup';
import { renderNotice } from '../../cards/notice';
import { renderCoordinatorDigest } from '../../cards/coordinatorDigest';
import { renderExtensionConsent } from '../../cards/extensionConsent';
import type { DigestUnitLine } from '../../cards/views';
import { renderHandlerTask } from '../../cards/handlerTask';
import { renderReporterNotice } from '../../cards/reporterNotice';
import type { HandlerRoleName } from '../../cards/views';
import type { NotificationIntent } from '../app/notificationIntent';
import type { BotServices } from './botServices';
import { handlerTaskView } from './handlerTaskView';
import { userMri } from './userMri';
import { openHandler } from '../app/caseParties';
import { actionTaskCard } from './agenda/actionTaskCard';
import { topicCard } from './agenda/topicCard';
import { formatDate, formatDateTime, t } from '../../cards/i18n';

const NEWS_KEYS = {
  assigned: undefined,
  answered: 'handler.news.answered',
  information: 'handler.news.information',
  withdrawn: 'handler.news.withdrawn',
  reminder: 'handler.news.reminder',
  extensionConsented: 'handler.news.extensionConsented',
  extensionRefused: 'handler.news.extensionRefused',
  identityAccepted: 'handler.news.identityAccepted',
  identityRefused: 'handler.news.identityRefused',
} as const;

/**
 * Turns an outbox intent into the card to send, from the case as it is at delivery. Returns
 * undefined when there is nothing to send any more (the case is gone).
 */
export async function renderNotification(services: BotServices, payload: unknown): Promise<object | undefined> {
  const intent = (payload as { intent?: NotificationIntent }).intent;
  if (!intent) return undefined;
  switch (intent.type) {
    case 'handlerTask': {
      const stored = await services.repos.cases.get(intent.caseId);
      if (!stored) return undefined;
      const handler = openHandler(services, stored.value);
      const handlerMri = handler ? await userMri(services, handler.userId) : undefined;
      return renderHandlerTask(handlerTaskView(services, stored.value, intent.locale, { doneKey: NEWS_KEYS[intent.news], handlerMri }));
    }
    case 'reporterNotice':
      return renderReporterNotice({
        locale: intent.locale,
        event: intent.event,
        anonymous: intent.caseId === undefined,
        reference: intent.reference,
        caseId: intent.caseId,
        role: intent.role as HandlerRoleName | undefined,
      });
    case 'feedback':
      return renderFeedback({ locale: intent.locale, caseId: intent.caseId, reference: intent.reference, answered: false });
    case 'checkIn': {
      const notice = await checkInNotice(services, intent);
      return notice && renderCheckIn({ locale: intent.locale, ...notice });
    }
    case 'extensionConsent': {
      const stored = await services.repos.cases.get(intent.caseId);
      if (!stored?.value.pendingExtension) return undefined;
      return renderExtensionConsent({
        locale: intent.locale,
        caseId: intent.caseId,
        reference: intent.reference,
        proposedDue: formatDateTime(new Date(stored.value.pendingExtension.proposedDueAt), intent.locale),
      });
    }
    case 'identityConsent': {
      // Answered (or the case gone) before delivery: nothing to ask any more. The reason is never in the chat.
      const stored = await services.repos.cases.get(intent.caseId);
      if (stored?.value.identityRequest?.state !== 'pending') return undefined;
      return renderReporterNotice({ locale: intent.locale, event: 'identityRequested', anonymous: false, reference: intent.reference, caseId: intent.caseId });
    }
    case 'digest': {
      const units: DigestUnitLine[] = [];
      for (const line of intent.units) {
        const unit = (await services.directory.unitChain(line.unitId))[0];
        units.push({ unitName: unit?.name ?? line.unitId, open: line.open, dueThisWeek: line.dueThisWeek, overdue: line.overdue });
      }
      const agenda = [];
      for (const line of intent.agenda ?? []) {
        const unit = (await services.directory.unitChain(line.unitId))[0];
        agenda.push({ ...line, unitName: unit?.name ?? line.unitId });
      }
      return renderCoordinatorDigest({ locale: intent.locale, week: intent.week, units, agenda });
    }
    case 'handlerLeft':
      return renderNotice({ locale: intent.locale, titleKey: 'notices.handlerLeft.title', textKey: 'notices.handlerLeft.text', params: { count: String(intent.count) } });
    case 'teamTopic': {
      const team = (await services.repos.teams.get(intent.teamKey))?.value;
      const posting = team?.postings.find((candidate) => candidate.id === intent.postingId);
      // Removed from the team, or the posting was replaced before it went out: nothing to post.
      if (!team || !posting || posting.status === 'replaced') return undefined;
      return topicCard(services, team, posting, intent.locale);
    }
    case 'actionTask': {
      const action = (await services.repos.teamActions.get(intent.actionId))?.value;
      if (!action || (intent.news === 'reminder' && !action.isOpen)) return undefined;
      return actionTaskCard(services, action, intent.locale, { news: intent.news });
    }
    case 'actionLate': {
      const action = (await services.repos.teamActions.get(intent.actionId))?.value;
      if (!action?.isOpen) return undefined;
      const team = (await services.repos.teams.get(action.teamKey))?.value;
      const owner = services.cipher.open<{ name: string }>('identity', action.sealedOwner, `${action.id}:owner`);
      return renderNotice({
        locale: intent.locale,
        titleKey: 'notices.actionLate.title',
        textKey: 'notices.actionLate.text',
        params: { team: team?.name ?? '', owner: owner.name, due: formatDate(new Date(action.dueAt), intent.locale) },
      });
    }
    case 'escalation': {
      const stored = await services.repos.cases.get(intent.caseId);
      if (!stored) return undefined;
      const clock = stored.value.clocks?.find((item) => item.clock === intent.clock);
      return renderNotice({
        locale: intent.locale,
        titleKey: 'notices.escalated.title',
        textKey: 'notices.escalated.text',
        params: {
          reference: stored.value.reference,
          clock: t(intent.locale, keyInGroup('clocks', intent.clock) ?? 'clocks.other'),
          due: clock ? formatDateTime(new Date(clock.dueAt), intent.locale) : '',
        },
      });
    }
  }
}
