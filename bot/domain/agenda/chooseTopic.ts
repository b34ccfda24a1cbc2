import { createHash } from 'node:crypto';
import type { Category } from '../report';
import type { Topic } from './topic';

export interface TopicChoiceInput {
  /** The built-in topics and the team's unit's own topics together (unit ids already prefixed). */
  topics: readonly Topic[];
  /** Topic ids the team had in the current round (TeamRecord.usedTopicIds). */
  used: readonly string[];
  /** Never choose these now (the topic being replaced, topics already offered for this meeting, the last topic posted). */
  exclude: readonly string[];
  /** Report categories that rose clearly in the team's unit: prefer a topic related to one of them (empty: no preference). */
  favourCategories: readonly Category[];
  /** Ids of topics to offer before any other while not yet had in this round (lessons from closed cases that became available); may be absent. */
  prefer?: readonly string[];
  /** Makes the order look random but deterministic (e.g. team key + meeting time): the same input gives the same choice. */
  seed: string;
}

/** The topic to post, and the team's used ids for the round including it. */
export interface TopicChoice {
  topic: Topic;
  used: string[];
}

/**
 * The next topic for a team, rotating so that a team gets no topic twice until it has had them
 * all (a round). Candidates are the topics neither used in this round nor excluded; when none are
 * left a new round starts (`used` resets) and every topic not excluded is a candidate again.
 *
 * Topics in `prefer` (not had in this round) come first. Otherwise, when `favourCategories` is not empty, only candidates related to the first category (in the
 * given order) that any candidate covers are eligible; so a favoured topic already used in this
 * round is not repeated: the choice falls back to the others. Among the eligible, the one with
 * the smallest sha256(`seed:id`) wins — an order that looks random but is reproducible.
 *
 * Undefined only when no topic is left at all (empty library or everything excluded).
 */
export function chooseTopic(input: TopicChoiceInput): TopicChoice | undefined {
  const excluded = new Set(input.exclude);
  const allowed = input.topics.filter((topic) => !excluded.has(topic.id));
  const usedIds = new Set(input.used);
  let used = [...input.used];
  let candidates = allowed.filter((topic) => !usedIds.has(topic.id));
  if (candidates.length === 0) {
    used = [];
    candidates = allowed;
  }
  if (candidates.length === 0) return undefined;

  const preferred = candidates.filter((topic) => input.prefer?.includes(topic.id));
  const topic = firstByHash(preferred.length > 0 ? preferred : favoured(candidates, input.favourCategories), input.seed);
  return { topic, used: [...used, topic.id] };
}

function favoured(candidates: readonly Topic[], categories: readonly Category[]): readonly Topic[] {
  for (const category of categories) {
    const related = candidates.filter((topic) => topic.categories.includes(category));
    if (related.length > 0) return related;
  }
  return candidates;
}

function firstByHash(topics: readonly Topic[], seed: string): Topic {
  const ranked = topics.map((topic) => ({ topic, rank: createHash('sha256').update(`${seed}:${topic.id}`).digest('hex') }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked[0].topic;
}
