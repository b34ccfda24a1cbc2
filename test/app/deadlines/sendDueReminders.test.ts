import { randomUUID } from 'node:crypto';
import { AttemptLimiter } from '../../../bot/app/reporter/attemptLimiter';
import { deliverOutbox } from '../../../bot/app/outbox/deliverOutbox';
import type { OutboxItem, OutboxRepository } from '../../../bot/app/outbox/outboxPorts';
import { sendDueReminders } from '../../../bot/app/deadlines/sendDueReminders';
import { submitReport } from '../../../bot/app/intake/submitReport';
import type { BotServices } from '../../../bot/teams/botServices';
import { renderNotification } from '../../../bot/teams/renderNotification';
import { t } from '../../../cards/i18n';
import { textIn } from '../../cards/cardChecks';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { FakeProactiveMessenger } from '../../fakes/fakeProactiveMessenger';
import type { ManualClock } from '../../fakes/manualClock';

// Demo organisation: Daan (…15) reports sexual harassment, which goes to the central Meldpunt, Fatima (…02);
// the central coordinator is Marieke (…04).
const DAAN = '00000000-0000-4000-8000-000000000015';
const HOUR = 3_600_000;
const amsterdam = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

describe('reminders and escalation of a Meldpunt melding that nobody acknowledges', () => {
  let services: BotServices;
  let clock: ManualClock;
  let messenger: FakeProactiveMessenger;
  let cleanup: () => Promise<void>;
  let caseId: string;
  const deliveries: { at: string; text: string }[] = [];

  const tick = async () => {
    await sendDueReminders(services);
    await deliverOutbox({ ...services, renderPayload: (payload) => renderNotification(services, payload) });
  };

  beforeAll(async () => {
    const made = await caseTestDependencies();
    ({ clock, messenger, cleanup } = made);
    services = { ...made.deps, localMode: true, correlationId: () => randomUUID(), deliverQueued: async () => undefined, secretAttempts: new AttemptLimiter(made.deps.repos.attempts, made.clock), topics: { topics: [], unitTopics: new Map() } };
    messenger.afterSend = (card) => deliveries.push({ at: clock.now().toISOString(), text: textIn(card) });
    // Wednesday 2 December 2026, 10:00 in Amsterdam: acknowledgement due at the end of Wednesday 9 December.
    clock.set('2026-12-02T09:00:00Z');
    const receipt = await submitReport(
      services,
      { userId: DAAN, name: 'Daan Willems', conversation: { serviceUrl: 'https://connector.invalid/', channelId: 'msteams', conversation: { id: 'a:daan' }, user: { id: '29:daan' } } },
      { submissionId: randomUUID(), locale: 'nl', report: { categories: ['sexual_harassment'], kind: 'report', identity: 'named', managerInvolved: 'no', description: 'd', preferMeldpunt: false } },
    );
    caseId = receipt.caseId;
    await services.repos.conversationReferences.put({
      id: services.pseudonyms.pseudonym('user', DAAN),
      sealed: services.cipher.seal('address', { serviceUrl: 'https://connector.invalid/', channelId: 'msteams', conversation: { id: 'a:daan' }, user: { id: '29:daan' } }, services.pseudonyms.pseudonym('user', DAAN)),
      updatedAt: '2026-11-30',
    });
    await tick();
  });

  afterAll(() => cleanup());

  it('when time passes hour by hour until day 9, then the handler gets one reminder per stage before the deadline, the coordinator is told on day 8, and so is the reporter', async () => {
    // Crash between "sent" and "marked sent" for the first reminder: the run dies after the message went out.
    const outbox = services.repos.outbox;
    let crashed = false;
    const crashing: OutboxRepository = {
      ...outbox,
      enqueue: (item) => outbox.enqueue(item),
      get: (id) => outbox.get(id),
      listDue: (now, limit, createdAfter) => outbox.listDue(now, limit, createdAfter),
      listUnfinishedIn: (conversationKey, limit) => outbox.listUnfinishedIn(conversationKey, limit),
      replace: async (item: OutboxItem, etag: string) => {
        if (!crashed && item.status === 'sent' && deliveries.some((delivery) => delivery.text.includes(t('nl', 'handler.news.reminder')))) {
          crashed = true;
          throw new Error('process killed');
        }
        return outbox.replace(item, etag);
      },
    };
    services = { ...services, repos: { ...services.repos, outbox: crashing } };

    for (let hour = 1; hour <= 9 * 24; hour += 1) {
      clock.advance(HOUR);
      await tick();
    }
    expect(crashed).toBe(true);

    const reminders = deliveries.filter((delivery) => delivery.text.includes(t('nl', 'handler.news.reminder')));
    // Half the window falls on Sunday: held until Monday 08:00. Then the working day before, and the day itself.
    expect(reminders.map((delivery) => amsterdam(delivery.at))).toEqual(['2026-12-07 08:00', '2026-12-08 08:00', '2026-12-09 08:00']);
    // Each reminder says how much time is left.
    expect(reminders[0].text).toContain(t('nl', 'handler.task.timeLeft', { days: '2', working: '2' }));
    expect(reminders[1].text).toContain(t('nl', 'handler.task.timeLeft', { days: '1', working: '1' }));
    expect(reminders[2].text).toContain(`(${t('nl', 'handler.task.dueToday')})`);

    const escalations = deliveries.filter((delivery) => delivery.text.includes(t('nl', 'notices.escalated.title')));
    expect(escalations).toHaveLength(1);
    // Day 8: the first hour after the deadline passed.
    expect(amsterdam(escalations[0].at)).toBe('2026-12-10 00:00');
    const late = deliveries.filter((delivery) => delivery.text.includes(t('nl', 'reporter.notice.late.title')));
    expect(late).toHaveLength(1);

    const record = (await services.repos.cases.get(caseId))!.value;
    expect(record.history.filter((event) => event.type === 'reminder_sent').map((event) => event.detail?.stage)).toEqual(['half', 'dayBefore', 'onTheDay']);
    expect(record.history.filter((event) => event.type === 'escalated')).toEqual([expect.objectContaining({ detail: expect.objectContaining({ clock: 'acknowledge', level: '1' }) })]);
    expect(record.escalationLevel).toBe(1);
  });

  it('when the reminder timer runs twice at the same moment, then nothing is sent twice', async () => {
    const before = deliveries.length;
    await Promise.all([tick(), tick()]);
    expect(deliveries.length).toBe(before);
  });
});
