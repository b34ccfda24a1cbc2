import type { Locale } from '../../domain/locale';
import type { Category } from '../../domain/report';
import { lessonTopicSource, type LessonTopicSource } from '../lessons/lessonTopicSource';
import { enqueueDirect } from '../outbox/enqueueDirect';
import type { TeamRecord } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';
import { pickTopicFor } from './pickTopicFor';
import { planNextPosting } from './saveTeamSettings';
import { channelKeyFor, derivedId } from './teamKeys';
import { unitTrends } from './unitTrends';
import { updateTeam } from './updateTeam';

const BATCH = 50;
const MAX_BATCHES = 20;

/** Where a posting stands in its three steps. */
type Step = { kind: 'skip' } | { kind: 'post'; postingId: string; meetingAt: string; locale: Locale };

/**
 * The posting timer: for each team whose next posting moment has passed, posts a topic card to
 * its channel for the coming meeting. Three steps, each safe to repeat, so a crash anywhere
 * neither loses nor doubles a card: (1) record the posting (topic chosen from the team's
 * rotation, favouring a topic on a category that rose in its unit) while the team stays due;
 * (2) queue the card under an id derived from the posting (queued once); (3) plan the next
 * posting. A run that finds step 1 done for the meeting goes on with step 2. The lessons from
 * closed cases (and the closed-case counts they need) are read once per run, not per team.
 */
export async function postDueTopics(deps: AgendaDependencies): Promise<number> {
  let trends: ((unitId: string) => Category[]) | undefined;
  const favoured = async (unitId: string): Promise<Category[]> => {
    trends ??= await unitTrends(deps);
    return trends(unitId);
  };
  const lessons = lessonTopicSource(deps);
  let posted = 0;
  const seen = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const due = (await deps.repos.teams.listDueForPosting(deps.clock.now().toISOString(), BATCH)).filter((entry) => !seen.has(entry.value.id));
    if (due.length === 0) break;
    for (const entry of due) {
      seen.add(entry.value.id);
      try {
        if (await postForTeam(deps, entry.value, favoured, lessons)) posted += 1;
      } catch (error) {
        deps.logger.warn('agenda.post_failed', { team: entry.value.id.slice(0, 8), errorName: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }
  if (posted > 0) deps.logger.info('agenda.posted', { teams: posted });
  return posted;
}

async function postForTeam(
  deps: AgendaDependencies,
  team: TeamRecord,
  favoured: (unitId: string) => Promise<Category[]>,
  lessons: LessonTopicSource,
): Promise<boolean> {
  const favour = team.settings ? await favoured(team.settings.unitId) : [];
  const { result: step } = await updateTeam<Step>(deps, team.id, async (record, now) => {
    const meetingAt = record.nextMeetingAt;
    if (!record.settings || record.settings.paused || !meetingAt || !record.nextPostAt || Date.parse(record.nextPostAt) > now.getTime()) {
      if (!record.settings || record.settings.paused) planNextPosting(deps, record, now);
      return { record, result: { kind: 'skip' } };
    }
    const existing = record.postings.filter((posting) => posting.meetingAt === meetingAt).at(-1);
    const locale = record.settings.locale;
    if (existing) return { record, result: { kind: 'post', postingId: existing.id, meetingAt, locale } };
    const posting = await pickTopicFor(deps, record, meetingAt, favour, now, lessons);
    if (!posting) {
      deps.logger.error('agenda.no_topic', { team: record.id.slice(0, 8) });
      planNextPosting(deps, record, now, meetingAt);
      return { record, result: { kind: 'skip' } };
    }
    return { record, result: { kind: 'post', postingId: posting.id, meetingAt, locale } };
  });
  if (step.kind === 'skip') return false;
  await enqueueDirect(
    deps,
    derivedId('topic', team.id, step.postingId),
    { kind: 'channel', channelKey: channelKeyFor(team.id) },
    { type: 'teamTopic', teamKey: team.id, postingId: step.postingId, locale: step.locale },
    deps.clock.now(),
  );
  await updateTeam(deps, team.id, (record, now) => {
    // Plan from the meeting just served, so the same meeting is never served twice.
    if (record.nextMeetingAt === step.meetingAt) planNextPosting(deps, record, now, step.meetingAt);
    return { record, result: undefined };
  });
  return true;
}
