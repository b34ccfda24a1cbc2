import type { TurnContext } from '@microsoft/agents-hosting';
import type { Reporter } from '../app/intake/intakeDependencies';
import { ForbiddenError } from '../domain/errors';
import { toLocale, type Locale } from '../domain/locale';

/** Who is on the other side of this turn, and in which language to answer. */
export interface TurnIdentity {
  reporter: Reporter;
  locale: Locale;
  personal: boolean;
}

/**
 * Reads the user of a turn. In Teams every user has an Entra object id; only in local mode
 * (emulators have none) the channel account id stands in for it.
 */
export function turnIdentity(context: TurnContext, localMode: boolean): TurnIdentity {
  const activity = context.activity;
  const userId = activity.from?.aadObjectId ?? (localMode ? activity.from?.id : undefined);
  if (!userId) throw new ForbiddenError('activity without a user id');
  return {
    reporter: { userId, name: activity.from?.name ?? '', conversation: activity.getConversationReference() },
    locale: toLocale(activity.locale),
    personal: (activity.conversation?.conversationType ?? 'personal') === 'personal',
  };
}
