import type { CloudAdapter } from '@microsoft/agents-hosting';
import { renderError } from '../../cards/error';
import { toLocale } from '../domain/locale';
import { runActivity, type BridgeRequest, type BridgeResponse } from './activityHttpBridge';
import type { BotServices } from './botServices';
import { sendCard } from './sendCard';
import { VeiligMeldenBot } from './veiligMeldenBot';

export interface TeamsEndpoint {
  handle(request: BridgeRequest): Promise<BridgeResponse>;
}

/**
 * Builds the adapter and the bot. Without an app id (local mode) requests are not
 * authenticated; the configuration only allows that on loopback.
 */
export function createTeamsEndpoint(services: BotServices, adapter: CloudAdapter): TeamsEndpoint {
  adapter.onTurnError = async (context, error) => {
    const correlationId = services.correlationId();
    services.logger.error('turn.failed', { correlationId, activityType: context.activity.type, errorName: error instanceof Error ? error.name : typeof error });
    try {
      await sendCard(context, renderError({ locale: toLocale(context.activity.locale), messageKey: 'generic', correlationId }));
    } catch {
      services.logger.warn('turn.error_card_not_sent', { correlationId });
    }
  };
  const teamsBot = new VeiligMeldenBot(services);
  return {
    handle: (request) => runActivity(adapter, request, { authenticate: !services.localMode }, (context) => teamsBot.run(context)),
  };
}
