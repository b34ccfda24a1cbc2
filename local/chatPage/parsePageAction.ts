/** What a person did on the page, to be sent to the bot as Teams would send it. */
export type PageAction =
  /** Typed a message. */
  | { kind: 'message'; text: string }
  /** Pressed `Action.Submit` on a card in the chat: Teams sends a message with the inputs as `value`. */
  | { kind: 'submit'; data: Record<string, unknown>; messageId?: string }
  /** Pressed `Action.Execute` (or Teams refreshed a card): an `adaptiveCard/action` invoke. */
  | { kind: 'execute'; verb: string; data: Record<string, unknown>; messageId?: string; trigger: 'manual' | 'automatic' }
  /** Opened a dialog (`Action.Submit` with `msteams.type` `task/fetch`). */
  | { kind: 'taskFetch'; data: Record<string, unknown>; messageId?: string }
  /** Pressed `Action.Submit` inside a dialog. */
  | { kind: 'taskSubmit'; data: Record<string, unknown> };

const MAX_TEXT = 28_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks what the page posted; returns the action, or a message saying what is wrong. */
export function parsePageAction(value: unknown): PageAction | string {
  if (!isRecord(value)) return 'action must be an object with a "kind".';
  const messageId = typeof value.messageId === 'string' && value.messageId.length <= 200 ? value.messageId : undefined;
  const data = isRecord(value.data) ? value.data : {};
  switch (value.kind) {
    case 'message':
      return typeof value.text === 'string' && value.text.trim() !== '' && value.text.length <= MAX_TEXT ? { kind: 'message', text: value.text } : 'a message needs a text.';
    case 'submit':
      return { kind: 'submit', data, messageId };
    case 'execute':
      return typeof value.verb === 'string' && value.verb !== '' && value.verb.length <= 100
        ? { kind: 'execute', verb: value.verb, data, messageId, trigger: value.trigger === 'automatic' ? 'automatic' : 'manual' }
        : 'Action.Execute needs a verb.';
    case 'taskFetch':
      return { kind: 'taskFetch', data, messageId };
    case 'taskSubmit':
      return { kind: 'taskSubmit', data };
    default:
      return 'kind must be message, submit, execute, taskFetch or taskSubmit.';
  }
}
