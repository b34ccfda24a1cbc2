import { CloudAdapter, type AuthConfiguration } from '@microsoft/agents-hosting';

/** The Agents SDK adapter: authenticated with the bot's app registration, or (local mode) without. */
export function createAdapter(bot: { appId?: string; appPassword?: string; tenantId?: string }): CloudAdapter {
  const authConfig: AuthConfiguration = bot.appId ? { clientId: bot.appId, clientSecret: bot.appPassword, tenantId: bot.tenantId } : {};
  return new CloudAdapter(authConfig);
}
