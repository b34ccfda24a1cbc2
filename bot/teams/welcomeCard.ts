import { renderWelcome } from '../../cards/welcome';
import { loadDraft } from '../app/loadDraft';
import type { BotServices } from './botServices';
import type { TurnIdentity } from './turnIdentity';

/** The welcome card, offering to continue a draft when there is one. */
export async function welcomeCard(services: BotServices, turn: TurnIdentity): Promise<object> {
  const draft = await loadDraft(services, services.pseudonyms.pseudonym('user', turn.reporter.userId));
  return renderWelcome({ locale: turn.locale, hasDraft: draft !== undefined });
}
