import type { TurnContext } from '@microsoft/agents-hosting';
import type { BotServices } from './botServices';
import { cardActionResponse, type AdaptiveCardActionResponse } from './invokeResponses';
import { myCasesCard } from './myCasesCard';
import type { TurnIdentity } from './turnIdentity';
import { welcomeCard } from './welcomeCard';

/** Who may use a verb. Undeclared verbs are refused. */
export type VerbAudience = 'anyUserInPersonalChat';

export interface ChatVerb {
  audience: VerbAudience;
  handle(services: BotServices, context: TurnContext, turn: TurnIdentity, data: Readonly<Record<string, unknown>>): Promise<AdaptiveCardActionResponse>;
}

/** Every `Action.Execute` verb of the chat cards, with who may call it. */
export const CHAT_VERBS: Readonly<Record<string, ChatVerb>> = {
  showMyCases: {
    audience: 'anyUserInPersonalChat',
    handle: async (services, _context, turn) => cardActionResponse(await myCasesCard(services, turn.reporter.userId, turn.locale)),
  },
  showWelcome: {
    audience: 'anyUserInPersonalChat',
    handle: async (services, _context, turn) => cardActionResponse(await welcomeCard(services, turn)),
  },
};
