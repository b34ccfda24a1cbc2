import { formatDate, formatDateTime } from '../../../cards/i18n';
import type { AdaptiveCard } from '../../../cards/renderCard';
import { renderTopic, TOPIC_MAX_MEMBERS } from '../../../cards/topic';
import type { TopicCardView } from '../../../cards/topic';
import { agreedActionsOf } from '../../app/agenda/agreedActionsOf';
import { openMembers } from '../../app/agenda/teamMembers';
import { findTopic } from '../../app/agenda/topicsForUnit';
import { findLessonTopic } from '../../app/lessons/lessonTopics';
import type { TeamRecord, TopicPosting } from '../../app/agenda/agendaPorts';
import type { Locale } from '../../domain/locale';
import type { BotServices } from '../botServices';

/** What was entered on the card, kept when it comes back with errors. */
export interface TopicCardOptions {
  form?: TopicCardView['form'];
  errors?: TopicCardView['errors'];
}

/**
 * The topic card of a posting as it is now: the topic, and — once recorded — who recorded
 * "discussed" or "skipped" and the agreed actions. Undefined when the topic is no longer in the
 * library (a unit removed its own topic, a lesson's case was purged). Notes and skip reasons are never shown.
 */
export async function topicCard(services: BotServices, team: TeamRecord, posting: TopicPosting, locale: Locale, options: TopicCardOptions = {}): Promise<AdaptiveCard | undefined> {
  const topic = findTopic(services, posting.topicId) ?? (await findLessonTopic(services, posting.topicId));
  if (!topic) return undefined;
  const text = topic[locale];
  const recordedBy = posting.sealedRecordedBy ? services.cipher.open<{ name: string }>('identity', posting.sealedRecordedBy, `${team.id}:${posting.id}:by`).name : undefined;
  const actions = (await agreedActionsOf(services, posting)).map((action) => ({ text: action.text, ownerName: action.ownerName, due: formatDate(new Date(action.dueAt), locale) }));
  const members = openMembers(services, team)
    .map((member) => ({ id: member.userId, name: member.name }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, TOPIC_MAX_MEMBERS);
  return renderTopic({
    locale,
    postingId: posting.id,
    meeting: formatDateTime(new Date(posting.meetingAt), locale),
    topic: { title: text.title, intro: text.intro, questions: text.questions, help: text.help, source: topic.source },
    state: posting.status === 'discussed' ? 'discussed' : posting.status === 'skipped' ? 'skipped' : 'posted',
    recordedBy,
    recordedAt: posting.recordedAt ? formatDateTime(new Date(posting.recordedAt), locale) : undefined,
    actions,
    members,
    form: options.form,
    errors: options.errors,
  });
}
