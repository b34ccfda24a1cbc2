import type { HandlerRole } from '../../../bot/domain/chooseRoute';
import {
  clockRulesFor,
  DEFAULT_DEADLINE_POLICY,
  parseDeadlinePolicy,
  type DeadlinePolicy,
} from '../../../bot/domain/deadlines/deadlinePolicies';
import { ConfigurationError } from '../../../bot/domain/errors';
import type { RequestKind } from '../../../bot/domain/report';

/** A copy of the defaults as plain JSON, changed by `edit`. */
function policyJson(edit: (policy: any) => void): unknown {
  const json = JSON.parse(JSON.stringify(DEFAULT_DEADLINE_POLICY));
  edit(json);
  return json;
}

function problemsOf(json: unknown): readonly string[] {
  try {
    parseDeadlinePolicy(json, 'DEADLINE_POLICY');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

describe('deadline policies', () => {
  it('when the defaults are given as JSON text, then they parse to themselves', () => {
    expect(parseDeadlinePolicy(JSON.stringify(DEFAULT_DEADLINE_POLICY), 'DEADLINE_POLICY')).toEqual(DEFAULT_DEADLINE_POLICY);
  });

  it.each<[HandlerRole, RequestKind, string[]]>([
    ['meldpunt', 'report', ['acknowledge 7 calendar days from receipt', 'feedback 3 calendar months from acknowledgement']],
    ['klachtencoordinator', 'complaint', ['acknowledge 5 working days from receipt', 'decision 42 calendar days from receipt']],
    ['line_manager', 'report', ['acknowledge 2 working days from receipt', 'firstUpdate 10 working days from receipt']],
    ['vertrouwenspersoon', 'advice', ['contact 2 working days from receipt']],
    ['ago', 'mediation', ['acknowledge 5 working days from receipt']],
    ['veiligheidsfunctionaris', 'report', ['acknowledge 2 working days from receipt']],
  ])('when a case is on route %s for a request of kind %s, then its default clocks are %j', (role, kind, expected) => {
    const described = clockRulesFor(DEFAULT_DEADLINE_POLICY, { role, kind }).map((rule) =>
      rule.months !== undefined
        ? `${rule.clock} ${rule.months} calendar months from ${rule.startsAt}`
        : `${rule.clock} ${rule.days} ${rule.unit} days from ${rule.startsAt}`,
    );
    expect(described).toEqual(expected);
  });

  it('when a rule is limited to klachten, then a melding on the same route does not get that clock', () => {
    const policy: DeadlinePolicy = {
      ...DEFAULT_DEADLINE_POLICY,
      routes: {
        ...DEFAULT_DEADLINE_POLICY.routes,
        meldpunt: { ...DEFAULT_DEADLINE_POLICY.routes.meldpunt, decision: { days: 42, unit: 'calendar', startsAt: 'receipt', kinds: ['complaint'] } },
      },
    };
    expect(clockRulesFor(policy, { role: 'meldpunt', kind: 'report' }).map((rule) => rule.clock)).toEqual(['acknowledge', 'feedback']);
    expect(clockRulesFor(policy, { role: 'meldpunt', kind: 'complaint' }).map((rule) => rule.clock)).toEqual(['acknowledge', 'feedback', 'decision']);
  });

  it.each<[string, (policy: any) => void, string]>([
    ['days is 0', (p) => (p.routes.meldpunt.acknowledge.days = 0), 'DEADLINE_POLICY: routes.meldpunt.acknowledge.days: must be a positive whole number'],
    ['days is a fraction', (p) => (p.routes.meldpunt.acknowledge.days = 1.5), 'DEADLINE_POLICY: routes.meldpunt.acknowledge.days: must be a positive whole number'],
    ['days is text', (p) => (p.routes.line_manager.firstUpdate.days = '10'), 'DEADLINE_POLICY: routes.line_manager.firstUpdate.days: must be a positive whole number'],
    ['the unit is unknown', (p) => (p.routes.line_manager.acknowledge.unit = 'weekly'), "DEADLINE_POLICY: routes.line_manager.acknowledge.unit: must be 'working' or 'calendar'"],
    ['startsAt is missing', (p) => delete p.routes.ago.acknowledge.startsAt, "DEADLINE_POLICY: routes.ago.acknowledge.startsAt: must be 'receipt' or 'acknowledgement'"],
    ['both days and months are given', (p) => (p.routes.meldpunt.feedback.days = 90), 'DEADLINE_POLICY: routes.meldpunt.feedback.days: give either days or months, not both or neither'],
    ['neither days nor months is given', (p) => delete p.routes.vertrouwenspersoon.contact.days, 'DEADLINE_POLICY: routes.vertrouwenspersoon.contact.days: give either days or months, not both or neither'],
    ['months are counted in working days', (p) => (p.routes.meldpunt.feedback.unit = 'working'), "DEADLINE_POLICY: routes.meldpunt.feedback.unit: months are calendar months: unit must be 'calendar'"],
    ['a clock name is misspelt', (p) => (p.routes.meldpunt.acknowledgment = p.routes.meldpunt.acknowledge), 'DEADLINE_POLICY: routes.meldpunt: unknown field(s): acknowledgment'],
    ['a route is missing', (p) => delete p.routes.ago, 'DEADLINE_POLICY: routes.ago: must be an object'],
    ['an unknown kind of request is named', (p) => (p.routes.klachtencoordinator.decision.kinds = ['klacht']), 'DEADLINE_POLICY: routes.klachtencoordinator.decision.kinds.0: must be one of advice, report, complaint, mediation'],
    ['feedback starts at an acknowledgement the route does not have', (p) => delete p.routes.meldpunt.acknowledge, 'DEADLINE_POLICY: routes.meldpunt.feedback.startsAt: starts at the acknowledgement, but the route has no acknowledge clock'],
    ['the acknowledgement starts at itself', (p) => (p.routes.ago.acknowledge.startsAt = 'acknowledgement'), "DEADLINE_POLICY: routes.ago.acknowledge.startsAt: the acknowledgement itself must start at 'receipt'"],
    ['a reminder stage repeats', (p) => (p.reminders.stages = ['half', 'half']), 'DEADLINE_POLICY: reminders.stages: must not repeat a stage'],
    ['a reminder stage is unknown', (p) => (p.reminders.stages = ['weekly']), 'DEADLINE_POLICY: reminders.stages.0: must be one of half, dayBefore, onTheDay'],
    ['working hours end before they start', (p) => (p.reminders.workingHours = { start: 18, end: 8 }), 'DEADLINE_POLICY: reminders.workingHours: start must be before end'],
    ['escalation never repeats', (p) => (p.reminders.escalationRepeatDays = 0), 'DEADLINE_POLICY: reminders.escalationRepeatDays: must be a positive whole number'],
    ['the extension limit is negative', (p) => (p.decisionExtension.maxDays = -28), 'DEADLINE_POLICY: decisionExtension.maxDays: must be a positive whole number'],
  ])('when %s, then a ConfigurationError names the field', (_case, edit, expected) => {
    expect(problemsOf(policyJson(edit))).toContain(expected);
  });

  it('when the text is not JSON, then a ConfigurationError names the source', () => {
    expect(problemsOf('{ routes: ')).toEqual(['DEADLINE_POLICY: is not valid JSON']);
  });

  it('when several fields are wrong, then each is listed', () => {
    const problems = problemsOf(
      policyJson((p) => {
        p.routes.meldpunt.acknowledge.days = 0;
        p.reminders.escalationRepeatDays = 'weekly';
      }),
    );
    expect(problems).toEqual([
      'DEADLINE_POLICY: routes.meldpunt.acknowledge.days: must be a positive whole number',
      'DEADLINE_POLICY: reminders.escalationRepeatDays: must be a positive whole number',
    ]);
  });
});
