import { renderFeedback } from '../../cards/feedback';
import { renderCheckIn } from '../../cards/checkIn';
import { keyInGroup } from '../../cards/keyInGroup';
import { renderNotice } from '../../cards/notice';
import { renderCoordinatorDigest } from '../../cards/coordinatorDigest';
import { renderExtensionConsent } from '../../cards/extensionConsent';
import type { DigestUnitLine } from '../../cards/coordinatorDigest';
import { renderHandlerTask } from '../../cards/handlerTask';
import { renderReporterNotice } from '../../cards/reporterNotice';
import type { HandlerRole } from '../domain/chooseRoute';
import type { NotificationIntent } from '../app/outbox/notificationIntent';
import type { BotServices } from './botServices';
import { handlerTaskView } from './handlerTaskView';
import { notificationSubject } from '../app/outbox/notificationSubject';
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
 * Turns an outbox intent into the card to send, from what it is about as it is at delivery (see
 * notificationSubject). Returns undefined when there is nothing to send any more.
 */
export async function renderNotification(services: BotServices, payload: unknown): Promise<object | undefined> {
  const intent = (payload as { intent?: NotificationIntent }).intent;
  if (!intent) return undefined;
  const subject = await notificationSubject(services, intent);
  if (!subject) return undefined;
  switch (subject.type) {
    case 'handlerTask':
      return renderHandlerTask(handlerTaskView(services, subject.task, subject.intent.locale, NEWS_KEYS[subject.intent.news]));
    case 'reporterNotice': {
      const notice = subject.intent;
      return renderReporterNotice({
        locale: notice.locale,
        event: notice.event,
        anonymous: notice.caseId === undefined,
        reference: notice.reference,
        caseId: notice.caseId,
        role: notice.role as HandlerRole | undefined,
      });
    }
    case 'feedback':
      return renderFeedback({ locale: subject.intent.locale, caseId: subject.intent.caseId, reference: subject.intent.reference, answered: false });
    case 'checkIn':
      return renderCheckIn({ locale: subject.intent.locale, ...subject.notice });
    case 'extensionConsent':
      return renderExtensionConsent({
        locale: subject.intent.locale,
        caseId: subject.intent.caseId,
        reference: subject.intent.reference,
        proposedDue: formatDateTime(new Date(subject.proposedDueAt), subject.intent.locale),
      });
    case 'identityConsent':
      // The reason is never in the chat: it is read in the dialog.
      return renderReporterNotice({ locale: subject.intent.locale, event: 'identityRequested', anonymous: false, reference: subject.intent.reference, caseId: subject.intent.caseId });
    case 'digest': {
      const { intent: digest, unitNames } = subject;
      const units: DigestUnitLine[] = digest.units.map((line) => ({ unitName: unitNames.get(line.unitId) ?? line.unitId, open: line.open, dueThisWeek: line.dueThisWeek, overdue: line.overdue }));
      const agenda = (digest.agenda ?? []).map((line) => ({ ...line, unitName: unitNames.get(line.unitId) ?? line.unitId }));
      return renderCoordinatorDigest({ locale: digest.locale, week: digest.week, units, agenda });
    }
    case 'handlerLeft':
      return renderNotice({ locale: subject.intent.locale, titleKey: 'notices.handlerLeft.title', textKey: 'notices.handlerLeft.text', params: { count: String(subject.intent.count) } });
    case 'lessonToReview':
      return renderNotice({ locale: subject.intent.locale, titleKey: 'notices.lessonToReview.title', textKey: 'notices.lessonToReview.text', openDialog: { dialog: 'lessonReview', titleKey: 'lessons.review.open' } });
    case 'teamTopic':
      return topicCard(services, subject.team, subject.posting, subject.intent.locale);
    case 'actionTask':
      return actionTaskCard(services, subject.task, subject.intent.locale, { news: subject.intent.news });
    case 'actionLate':
      return renderNotice({
        locale: subject.intent.locale,
        titleKey: 'notices.actionLate.title',
        textKey: 'notices.actionLate.text',
        params: { team: subject.teamName, owner: subject.ownerName, due: formatDate(new Date(subject.dueAt), subject.intent.locale) },
      });
    case 'escalation':
      return renderNotice({
        locale: subject.intent.locale,
        titleKey: 'notices.escalated.title',
        textKey: 'notices.escalated.text',
        params: {
          reference: subject.reference,
          clock: t(subject.intent.locale, keyInGroup('clocks', subject.intent.clock) ?? 'clocks.other'),
          due: subject.dueAt ? formatDateTime(new Date(subject.dueAt), subject.intent.locale) : '',
        },
      });
  }
}
