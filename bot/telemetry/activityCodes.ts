import type { Attributes } from '@opentelemetry/api';

const ACTIVITY_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'messageUpdate', 'messageDelete', 'event', 'typing', 'endOfConversation']);
/** Invoke names are protocol verbs (`task/fetch`, `adaptiveCard/action`, `signin/verifyState`). */
const INVOKE_NAME = /^(task|adaptiveCard|composeExtension|signin|config|tab|fileConsent|actionableMessage|message|healthCheck|application)\/[A-Za-z]{1,32}$/;

/**
 * What a turn's span may say about its activity: the type and invoke name when they are known
 * protocol codes, `other` otherwise. The body is the sender's, so nothing else of it is used.
 */
export function activityCodes(body: unknown): Attributes {
  const { type, name } = (typeof body === 'object' && body !== null ? body : {}) as { type?: unknown; name?: unknown };
  const attributes: Attributes = { 'vm.activity.type': typeof type === 'string' && ACTIVITY_TYPES.has(type) ? type : 'other' };
  if (type === 'invoke') attributes['vm.activity.name'] = typeof name === 'string' && INVOKE_NAME.test(name) ? name : 'other';
  return attributes;
}
