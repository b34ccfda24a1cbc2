import { MsalTokenProvider } from '@microsoft/agents-hosting';

/**
 * Application tokens for Microsoft Graph (User.Read.All), with the bot's own app registration,
 * through the Agents SDK's MSAL provider (which caches them). For the Graph directory.
 */
export function graphTokenSource(bot: { appId?: string; appPassword?: string; tenantId?: string }): () => Promise<string> {
  const provider = new MsalTokenProvider({ clientId: bot.appId, clientSecret: bot.appPassword, tenantId: bot.tenantId });
  return () => provider.getAccessToken('https://graph.microsoft.com/.default');
}
