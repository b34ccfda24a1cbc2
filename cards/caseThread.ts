import type { Locale } from '../bot/domain/locale';
import { cardBytes } from './cardBudget';
import { t } from './i18n';
import type { CaseMessageAuthor, CaseMessageKind } from '../bot/domain/caseMessageKind';

/** One message in a case's conversation (handler ↔ reporter), shown only in dialogs. */
export interface CaseMessageLine {
  from: CaseMessageAuthor;
  kind: CaseMessageKind;
  /** Formatted date/time. */
  at: string;
  text: string;
}

/** One message as card data: who and what kind (our words), when, and the text (plain text, in a TextRun). */
export interface ThreadMessageData {
  who: string;
  /** " · kind · time", after `who`. */
  meta: string;
  text: string;
  /** Only the start of the text is shown. */
  shortened: boolean;
}

/** The messages a dialog shows, fitted to the room it has. */
export interface CaseThreadData {
  isEmpty: boolean;
  messages: ThreadMessageData[];
  /** Some older messages are shortened or left out: `note` says so. */
  notAllShown: boolean;
  note: string;
  shortenedLabel: string;
}

/** Bytes of the template around one message (container, text runs, separator), rounded up. */
const MESSAGE_OVERHEAD_BYTES = 400;

/** Characters kept of a message that does not fit in full. */
const EXCERPT_CHARACTERS = 300;

function excerpt(text: string): string {
  // By code points, so a character outside the BMP (an emoji) is never cut in half.
  const characters = Array.from(text);
  return characters.length <= EXCERPT_CHARACTERS ? text : `${characters.slice(0, EXCERPT_CHARACTERS).join('').trimEnd()}…`;
}

function cost(message: ThreadMessageData): number {
  return cardBytes(message) + MESSAGE_OVERHEAD_BYTES;
}

/**
 * The conversation of a case (handler ↔ reporter) for a dialog, oldest first. A case can hold more
 * text than one card may carry (Teams refuses activities over ~28 KB), so the newest messages are
 * shown in full while they fit in `budgetBytes`; the next older one is shortened to an excerpt when
 * that fits, and everything older than the first one that does not fit is left out, with a note
 * saying how many were shortened or left out. The newest message (an open question) always gets
 * the first room. `audience` decides the names: the reporter sees their own messages as "Jij".
 */
export function caseThread(locale: Locale, messages: readonly CaseMessageLine[], audience: 'handler' | 'reporter', budgetBytes: number): CaseThreadData {
  const who = {
    handler: t(locale, 'caseThread.handler'),
    reporter: t(locale, audience === 'reporter' ? 'caseThread.you' : 'caseThread.reporter'),
  };
  const asData = (message: CaseMessageLine, text: string, shortened: boolean): ThreadMessageData => ({
    who: who[message.from],
    meta: ` · ${t(locale, `caseThread.kinds.${message.kind}`)} · ${message.at}`,
    text,
    shortened,
  });

  const newestFirst: ThreadMessageData[] = [];
  let room = budgetBytes;
  let shortenedCount = 0;
  for (const message of [...messages].reverse()) {
    const full = asData(message, message.text, false);
    if (cost(full) <= room) {
      newestFirst.push(full);
      room -= cost(full);
      continue;
    }
    const shortText = excerpt(message.text);
    const short = asData(message, shortText, true);
    if (shortText === message.text || cost(short) > room) {
      break;
    }
    newestFirst.push(short);
    room -= cost(short);
    shortenedCount += 1;
  }
  const notShown = messages.length - newestFirst.length + shortenedCount;
  return {
    isEmpty: messages.length === 0,
    messages: newestFirst.reverse(),
    notAllShown: notShown > 0,
    note:
      notShown === 0 ? '' : notShown === 1 ? t(locale, 'caseThread.notAllShownOne') : t(locale, 'caseThread.notAllShownMany', { count: notShown }),
    shortenedLabel: t(locale, 'caseThread.shortened'),
  };
}
