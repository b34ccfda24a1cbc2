import { renderWelcome } from '../../cards/welcome';
import { hasSavedDraft } from '../app/intake/hasSavedDraft';
import type { BotServices } from './botServices';
import type { TurnIdentity } from './turnIdentity';

/** The welcome card, offering to continue a draft when one with answers is kept. */
export async function welcomeCard(services: BotServices, turn: TurnIdentity): Promise<object> {
  return renderWelcome({ locale: turn.locale, hasDraft: await hasSavedDraft(services, turn.reporter.userId) });
}
