import type { ConnectorEvent } from '../botConnector/botConnectorService';

/** One message as the chat page shows it. */
export interface ChatMessage {
  id: string;
  /** Grows with every change of this message (a card replaced), so the page re-renders only what changed. */
  rev: number;
  from: 'bot' | 'user';
  /** The person who typed it (user messages). */
  authorName?: string;
  text?: string;
  textFormat?: string;
  attachments?: unknown[];
  /** Channel replies: the post they answer. */
  replyToId?: string;
  deleted?: boolean;
}

/** The chat's key: a channel thread (`<channel>;messageid=…`) belongs to its channel. */
export function chatKey(conversationId: string): string {
  return conversationId.split(';')[0];
}

/**
 * Every chat the page shows, in memory only (local mode): what the bot sent through the page's
 * connector endpoint, and what people typed on the page.
 */
export class ChatLog {
  private readonly chats = new Map<string, ChatMessage[]>();
  private rev = 0;
  private own = 0;

  /** Applies what the bot did through the connector. */
  apply(event: ConnectorEvent): void {
    const key = chatKey(event.conversationId);
    if (event.kind === 'sent') {
      if (event.activity.type !== 'message') return;
      const thread = /;messageid=(.+)$/.exec(event.conversationId)?.[1];
      this.list(key).push({ id: event.activityId, rev: this.next(), from: 'bot', ...content(event.activity), replyToId: thread ?? event.replyToId });
      return;
    }
    const message = this.list(key).find((candidate) => candidate.id === event.activityId);
    if (!message) return;
    if (event.kind === 'updated') Object.assign(message, { ...content(event.activity), rev: this.next() });
    else Object.assign(message, { deleted: true, text: undefined, attachments: undefined, rev: this.next() });
  }

  /** Records what a person typed; returns its id. */
  addTyped(conversationId: string, authorName: string, text: string): string {
    this.own += 1;
    const id = `typed-${this.own}`;
    this.list(chatKey(conversationId)).push({ id, rev: this.next(), from: 'user', authorName, text });
    return id;
  }

  messages(conversationId: string): readonly ChatMessage[] {
    return this.chats.get(chatKey(conversationId)) ?? [];
  }

  private list(key: string): ChatMessage[] {
    let list = this.chats.get(key);
    if (!list) this.chats.set(key, (list = []));
    return list;
  }

  private next(): number {
    this.rev += 1;
    return this.rev;
  }
}

function content(activity: Record<string, unknown>): Pick<ChatMessage, 'text' | 'textFormat' | 'attachments'> {
  return {
    text: typeof activity.text === 'string' ? activity.text : undefined,
    textFormat: typeof activity.textFormat === 'string' ? activity.textFormat : undefined,
    attachments: Array.isArray(activity.attachments) ? activity.attachments : undefined,
  };
}
