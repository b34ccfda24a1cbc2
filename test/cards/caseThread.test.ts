import { caseThread } from '../../cards/caseThread';
import { t } from '../../cards/i18n';
import type { CaseMessageLine } from '../../cards/caseThread';
import { manyMessages, SOME_MESSAGES } from './caseCardViews';

const ROOMY = 1_000_000;

describe('caseThread', () => {
  it('when everything fits, then every message is shown in full, oldest first, without a note', () => {
    const thread = caseThread('nl', SOME_MESSAGES, 'handler', ROOMY);
    expect(thread.messages.map((message) => message.text)).toEqual(SOME_MESSAGES.map((message) => message.text));
    expect(thread.messages.some((message) => message.shortened)).toBe(false);
    expect(thread).toMatchObject({ isEmpty: false, notAllShown: false, note: '' });
  });

  it('when the handler reads, then messages are from the handler or the reporter; the reporter reads their own as "you"', () => {
    expect(caseThread('nl', SOME_MESSAGES, 'handler', ROOMY).messages.map((message) => message.who)).toEqual(['Behandelaar', 'Melder', 'Behandelaar']);
    expect(caseThread('en', SOME_MESSAGES, 'reporter', ROOMY).messages.map((message) => message.who)).toEqual(['Handler', 'You', 'Handler']);
  });

  it('when the messages do not fit, then the newest are kept in full, the next shortened, older ones left out, and the note counts them', () => {
    const messages = manyMessages(10, 4_000);
    const thread = caseThread('nl', messages, 'handler', 20_000);
    const shownFull = thread.messages.filter((message) => !message.shortened);
    const shortened = thread.messages.filter((message) => message.shortened);
    expect(shownFull.length).toBeGreaterThan(0);
    expect(shownFull.map((message) => message.text)).toEqual(messages.slice(-shownFull.length).map((message) => message.text));
    expect(thread.messages.indexOf(shortened[0])).toBe(0);
    for (const message of shortened) {
      expect(message.text.endsWith('…')).toBe(true);
      expect(Array.from(message.text).length).toBeLessThanOrEqual(301);
    }
    const notShown = messages.length - shownFull.length;
    expect(thread.note).toBe(t('nl', 'caseThread.notAllShownMany', { count: notShown }));
  });

  it('when there is no room at all, then no message is shown and the note says how many there are', () => {
    const thread = caseThread('en', SOME_MESSAGES, 'handler', 0);
    expect(thread.messages).toEqual([]);
    expect(thread.note).toBe(t('en', 'caseThread.notAllShownMany', { count: 3 }));
  });

  it('when exactly one message does not fit in full, then the note uses the singular', () => {
    const messages: CaseMessageLine[] = [{ from: 'reporter', kind: 'information', at: '1 mei', text: 'x'.repeat(4_000) }];
    const thread = caseThread('nl', messages, 'handler', 2_000);
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0].shortened).toBe(true);
    expect(thread.note).toBe(t('nl', 'caseThread.notAllShownOne'));
  });

  it('when a message is shortened in the middle of an emoji, then the emoji is not cut in half', () => {
    const messages: CaseMessageLine[] = [{ from: 'reporter', kind: 'answer', at: '1 mei', text: '😟'.repeat(1_000) }];
    const text = caseThread('nl', messages, 'handler', 3_000).messages[0].text;
    expect(text).toBe(`${'😟'.repeat(300)}…`);
  });

  it('when there are no messages, then the thread is empty and has no note', () => {
    expect(caseThread('nl', [], 'reporter', ROOMY)).toMatchObject({ isEmpty: true, messages: [], notAllShown: false });
  });
});
