import { CardFactory, MessageFactory, type TurnContext } from '@microsoft/agents-hosting';

/** Sends an Adaptive Card as a message in the turn's conversation. Callers pass chat cards only: references and states, never report content. */
export async function sendCard(context: TurnContext, card: object): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
