import type { TopicLibrary } from '../../domain/agenda/topic';
import type { CaseDependencies } from '../intake/intakeDependencies';

/** What the team-meeting agenda use cases need: the case dependencies and the topic library. */
export interface AgendaDependencies extends CaseDependencies {
  topics: TopicLibrary;
}
