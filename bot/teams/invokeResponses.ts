/**
 * The shapes of invoke responses, made in one place. Handlers return these; they never build
 * response objects themselves.
 */

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Answer to `adaptiveCard/action` (Universal Actions): the card that replaces the one clicked. */
export interface AdaptiveCardActionResponse {
  statusCode: number;
  type: string;
  value: unknown;
}

export function cardActionResponse(card: object): AdaptiveCardActionResponse {
  return { statusCode: 200, type: CARD, value: card };
}

/** Answer to `adaptiveCard/action` that shows a message instead of replacing the card. */
export function cardActionMessage(text: string): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

/** Answer to `task/fetch` / `task/submit` that shows (or keeps showing) a card in the dialog. */
export function dialogCard(title: string, card: object, size: 'medium' | 'large' = 'large'): object {
  return { task: { type: 'continue', value: { title, width: size, height: size, card: { contentType: CARD, content: card } } } };
}

/** Answer to `task/submit` that closes the dialog with a short message. */
export function dialogMessage(text: string): object {
  return { task: { type: 'message', value: text } };
}
