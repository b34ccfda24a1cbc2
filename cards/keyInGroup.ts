import { isMessageKey, type MessageKey } from './i18n';

/**
 * A key handed in by the bot (e.g. `handler.done.acknowledged`, or `acknowledged` under
 * `handler.done`) as a known message key in that group, or undefined when there is no such message.
 * The group is checked so that a key from elsewhere (say an error text) cannot show up as, for
 * example, a green confirmation line; and a raw key never reaches the user.
 */
export function keyInGroup(group: string, key: string | undefined): MessageKey | undefined {
  if (!key) {
    return undefined;
  }
  const full = key.startsWith(`${group}.`) ? key : `${group}.${key}`;
  return isMessageKey(full) ? full : undefined;
}
