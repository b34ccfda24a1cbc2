import { onCaseEvent, openClocks, type CaseClock } from '../../../bot/domain/deadlines/caseClocks';
import { DEFAULT_DEADLINE_POLICY, type ClockRoute } from '../../../bot/domain/deadlines/deadlinePolicies';
import { extendDecision, type ExtensionRequest } from '../../../bot/domain/deadlines/extendDecision';
import { ExtensionRefusedError, type ExtensionRefusal } from '../../../bot/domain/deadlines/extensionRefusedError';
import { DomainError } from '../../../bot/domain/errors';
import { WorkingCalendar } from '../../../bot/domain/workingCalendar';
import { amsterdamInstant } from './amsterdamTime';

const calendar = new WorkingCalendar({ liberationDayOff: true });
const policy = DEFAULT_DEADLINE_POLICY;
const klacht: ClockRoute = { role: 'klachtencoordinator', kind: 'complaint' };

/** A klacht received Wednesday 10 June 2026: the decision is due at the end of 22 July. */
const received = openClocks({ ...klacht, receivedAt: amsterdamInstant('2026-06-10 10:00') }, policy, calendar);
const inTime = amsterdamInstant('2026-07-15 11:00');

function decisionOf(clocks: readonly CaseClock[]): CaseClock {
  const decision = clocks.find((clock) => clock.clock === 'decision');
  if (!decision) throw new Error('no decision clock');
  return decision;
}

function refusalOf(action: () => unknown): ExtensionRefusal {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ExtensionRefusedError);
    return (error as ExtensionRefusedError).refusal;
  }
  throw new Error('expected an ExtensionRefusedError');
}

describe('extending a klacht decision (Awb 9:11)', () => {
  it('when the first extension is 28 days with a reason, then the decision moves 28 days from the current due date and the notice says so', () => {
    const { clocks, notice } = extendDecision(received, { days: 28, reason: '  Getuigen zijn op missie  ', at: inTime }, policy);
    expect(notice).toEqual({ previousDueAt: '2026-07-22T21:59:59.999Z', newDueAt: '2026-08-19T21:59:59.999Z', reason: 'Getuigen zijn op missie' });
    expect(decisionOf(clocks)).toEqual({
      clock: 'decision',
      startedAt: decisionOf(received).startedAt,
      dueAt: '2026-08-19T21:59:59.999Z',
      extensions: [{ days: 28, reason: 'Getuigen zijn op missie', at: inTime.toISOString() }],
    });
    expect(clocks.find((clock) => clock.clock === 'acknowledge')).toEqual(received.find((clock) => clock.clock === 'acknowledge'));
  });

  it('when an extension crosses the switch to winter time, then the new deadline is still the end of the Amsterdam day', () => {
    const september = openClocks({ ...klacht, receivedAt: amsterdamInstant('2026-09-02 10:00') }, policy, calendar);
    expect(decisionOf(september).dueAt).toBe('2026-10-14T21:59:59.999Z');
    const { notice } = extendDecision(september, { days: 28, reason: 'Onderzoek loopt', at: amsterdamInstant('2026-10-01 09:00') }, policy);
    expect(notice.newDueAt).toBe('2026-11-11T22:59:59.999Z');
  });

  it.each<[string, Partial<ExtensionRequest>, ExtensionRefusal]>([
    ['29 days', { days: 29 }, 'too_long'],
    ['an empty reason', { reason: '' }, 'reason_required'],
    ['a reason of only spaces', { reason: '   ' }, 'reason_required'],
    ['0 days', { days: 0 }, 'invalid_days'],
    ['half a day', { days: 0.5 }, 'invalid_days'],
    ['a request after the decision term passed', { at: amsterdamInstant('2026-07-23 09:00') }, 'term_expired'],
  ])('when the first extension asks %s, then it is refused', (_case, change, expected) => {
    expect(refusalOf(() => extendDecision(received, { days: 28, reason: 'Onderzoek loopt', at: inTime, ...change }, policy))).toBe(expected);
  });

  it('when the complainant consented in writing, then a longer first extension, or one after the term, is allowed', () => {
    const { notice } = extendDecision(received, { days: 42, reason: 'Op verzoek van klager', at: amsterdamInstant('2026-07-23 09:00'), consented: true }, policy);
    expect(notice.newDueAt).toBe('2026-09-02T21:59:59.999Z');
  });

  describe('a second extension', () => {
    const once = extendDecision(received, { days: 28, reason: 'Getuigen zijn op missie', at: inTime }, policy).clocks;
    const second = { days: 14, reason: 'Hoor en wederhoor', at: amsterdamInstant('2026-08-12 10:00') };

    it.each<[string, boolean | undefined]>([
      ['no consent is recorded', undefined],
      ['consent is explicitly false', false],
    ])('when %s, then it is refused', (_case, consented) => {
      expect(refusalOf(() => extendDecision(once, { ...second, consented }, policy))).toBe('consent_required');
    });

    it('when the complainant consented, then it is added from the extended due date and recorded as consented', () => {
      const { clocks, notice } = extendDecision(once, { ...second, consented: true }, policy);
      expect(notice).toEqual({ previousDueAt: '2026-08-19T21:59:59.999Z', newDueAt: '2026-09-02T21:59:59.999Z', reason: 'Hoor en wederhoor' });
      expect(decisionOf(clocks).extensions).toEqual([
        { days: 28, reason: 'Getuigen zijn op missie', at: inTime.toISOString() },
        { days: 14, reason: 'Hoor en wederhoor', at: second.at.toISOString(), consented: true },
      ]);
    });
  });

  it('when the case is not a klacht, then there is no decision to extend', () => {
    const melding = openClocks({ role: 'meldpunt', kind: 'report', receivedAt: amsterdamInstant('2026-06-10 10:00') }, policy, calendar);
    expect(refusalOf(() => extendDecision(melding, { days: 14, reason: 'Onderzoek loopt', at: inTime }, policy))).toBe('no_decision_clock');
  });

  it('when the klacht is already closed, then the decision cannot be extended', () => {
    const closed = onCaseEvent(received, 'closed', amsterdamInstant('2026-07-01 10:00'), { policy, calendar, route: klacht });
    expect(refusalOf(() => extendDecision(closed, { days: 14, reason: 'Onderzoek loopt', at: inTime }, policy))).toBe('decision_made');
  });

  it('when an extension is refused, then the error is a DomainError with a stable code and a locale key', () => {
    const error = new ExtensionRefusedError('too_long');
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: error.code, messageKey: error.messageKey }).toEqual({ code: 'extension_refused', messageKey: 'extensionRefused' });
  });
});
