import { z } from 'zod';
import type { HandlerRole } from '../chooseRoute';
import { ConfigurationError } from '../errors';
import { REQUEST_KINDS, type RequestKind } from '../report';

/** The clocks a case can run (DOMAIN.md "Deadlines"). */
export const CLOCK_KINDS = [
  'acknowledge', // ontvangstbevestiging
  'feedback', // terugkoppeling aan de melder (Meldpunt)
  'decision', // afhandeling van een klacht
  'contact', // de vertrouwenspersoon neemt contact op
  'firstUpdate', // eerste voortgangsbericht via de lijn
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/**
 * Every clock the reminder engine tracks: the case clocks above, and `action` — the due date of a
 * follow-up action a team agreed in its meeting (werkoverleg). Actions have no route; their clock
 * is started by the team, so it is not configurable per route.
 */
export const TRACKED_CLOCK_KINDS = [...CLOCK_KINDS, 'action'] as const;
export type TrackedClockKind = (typeof TRACKED_CLOCK_KINDS)[number];

/** Reminders to the handler before a deadline; escalation comes on top of these. */
export const REMINDER_STAGES = ['half', 'dayBefore', 'onTheDay'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/**
 * One clock of a route, as configured. Exactly one of `days` and `months`; `months` only counts
 * calendar months (a working-month is not a thing in any of the sources).
 */
export interface ClockRuleConfig {
  days?: number;
  months?: number;
  unit: 'working' | 'calendar';
  /** A clock that starts at the acknowledgement needs an `acknowledge` clock on the same route. */
  startsAt: 'receipt' | 'acknowledgement';
  /** Only for these kinds of request; absent means every kind that reaches the route. */
  kinds?: readonly RequestKind[];
}

/** A configured clock with its name. */
export interface ClockRule extends ClockRuleConfig {
  clock: ClockKind;
}

/** The clocks of one route (handler role), by name. */
export type RouteClocks = Partial<Record<ClockKind, ClockRuleConfig>>;

export interface ReminderPolicy {
  stages: readonly ReminderStage[];
  /** Amsterdam hours: `half` is held to [start, end) on working days; `dayBefore` and `onTheDay` come at `start`. */
  workingHours: { start: number; end: number };
  /** A late clock escalates at its due moment and again every this many calendar days. */
  escalationRepeatDays: number;
  /** How many repeats after the first escalation at most; by then the coordinators own the case. */
  maxEscalationRepeats: number;
}

/** Awb art. 9:11(2)/(3): how far and how often a klacht decision may be postponed. */
export interface DecisionExtensionPolicy {
  /** The longest extension the handler may decide alone, in calendar days. */
  maxDays: number;
  /** How many extensions need no consent of the complainant. */
  withoutConsent: number;
}

/** The whole deadline configuration (env `DEADLINE_POLICY`, JSON). */
export interface DeadlinePolicy {
  routes: Record<HandlerRole, RouteClocks>;
  reminders: ReminderPolicy;
  decisionExtension: DecisionExtensionPolicy;
}

/** Which route a case is on and what the reporter asked for; together they select the clocks. */
export interface ClockRoute {
  role: HandlerRole;
  kind: RequestKind;
}

/**
 * The DOMAIN.md defaults. The route decides, because `chooseRoute` ties each kind of request to
 * its route; `kinds` on a rule is there for organisations that route differently.
 *
 * - `meldpunt` (Meldpunt Integriteit Defensie, a melding):
 *   - `acknowledge`: 7 calendar days after receipt — EU Directive 2019/1937 art. 9(1)(b), Wet
 *     bescherming klokkenluiders;
 *   - `feedback`: 3 calendar months after the acknowledgement, or, when none is sent, after the
 *     end of the 7-day acknowledgement period — EU Directive 2019/1937 art. 9(1)(f).
 * - `klachtencoordinator` (a klacht):
 *   - `acknowledge`: in writing, "promptly" per Algemene wet bestuursrecht art. 9:6; 5 working
 *     days is this product's reading of "promptly";
 *   - `decision`: 6 weeks (42 calendar days) after receipt — Awb art. 9:11(1) (10 weeks, so
 *     `days: 70`, where a klachtadviescommissie of art. 9:14 advises); see `decisionExtension`
 *     for the postponement of art. 9:11(2) and (3).
 * - `line_manager` (a melding via de lijn): `acknowledge` 2 working days and `firstUpdate` 10
 *   working days after receipt — policy defaults from the plan ("meldingen worden serieus
 *   genomen", "de melder wordt geïnformeerd over de voortgang"), no statute.
 * - `vertrouwenspersoon`: `contact` within 2 working days — policy default (accessibility of VPs).
 * - `ago` and `veiligheidsfunctionaris`: `acknowledge` within 5 and 2 working days — neither the
 *   sources nor DOMAIN.md set a term; these are this product's defaults.
 *
 * Reminders at half the window, one working day before and on the day (DOMAIN.md); escalation
 * when the deadline passes and weekly after that. A klacht decision may be postponed once by at
 * most 28 days (4 weeks, Awb 9:11(2)); further only with the complainant's consent (9:11(3)).
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  routes: {
    meldpunt: {
      acknowledge: { days: 7, unit: 'calendar', startsAt: 'receipt' },
      feedback: { months: 3, unit: 'calendar', startsAt: 'acknowledgement' },
    },
    klachtencoordinator: {
      acknowledge: { days: 5, unit: 'working', startsAt: 'receipt' },
      decision: { days: 42, unit: 'calendar', startsAt: 'receipt' },
    },
    line_manager: {
      acknowledge: { days: 2, unit: 'working', startsAt: 'receipt' },
      firstUpdate: { days: 10, unit: 'working', startsAt: 'receipt' },
    },
    vertrouwenspersoon: {
      contact: { days: 2, unit: 'working', startsAt: 'receipt' },
    },
    ago: {
      acknowledge: { days: 5, unit: 'working', startsAt: 'receipt' },
    },
    veiligheidsfunctionaris: {
      acknowledge: { days: 2, unit: 'working', startsAt: 'receipt' },
    },
  },
  reminders: {
    stages: ['half', 'dayBefore', 'onTheDay'],
    workingHours: { start: 8, end: 18 },
    escalationRepeatDays: 7,
    maxEscalationRepeats: 10,
  },
  decisionExtension: { maxDays: 28, withoutConsent: 1 },
};

/** The configured clocks of a route that apply to this kind of request, in `CLOCK_KINDS` order. */
export function clockRulesFor(policy: DeadlinePolicy, route: ClockRoute): ClockRule[] {
  const clocks = policy.routes[route.role];
  return CLOCK_KINDS.flatMap((clock) => {
    const rule = clocks[clock];
    if (!rule || (rule.kinds && !rule.kinds.includes(route.kind))) return [];
    return [{ clock, ...rule }];
  });
}

const POSITIVE_WHOLE = 'must be a positive whole number';
const positiveWhole = z.number({ error: POSITIVE_WHOLE }).int({ error: POSITIVE_WHOLE }).positive({ error: POSITIVE_WHOLE });

/** Objects refuse unknown fields: a misspelt clock name must not silently mean "no deadline". */
function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be an object'),
  });
}

const clockRuleSchema = strict({
  days: positiveWhole.optional(),
  months: positiveWhole.optional(),
  unit: z.enum(['working', 'calendar'], { error: "must be 'working' or 'calendar'" }),
  startsAt: z.enum(['receipt', 'acknowledgement'], { error: "must be 'receipt' or 'acknowledgement'" }),
  kinds: z
    .array(z.enum(REQUEST_KINDS, { error: `must be one of ${REQUEST_KINDS.join(', ')}` }))
    .min(1, { error: 'must name at least one kind, or be left out' })
    .optional(),
}).check((ctx) => {
  const rule = ctx.value;
  if ((rule.days === undefined) === (rule.months === undefined)) {
    ctx.issues.push({ code: 'custom', input: rule, path: ['days'], message: 'give either days or months, not both or neither' });
  } else if (rule.months !== undefined && rule.unit !== 'calendar') {
    ctx.issues.push({ code: 'custom', input: rule, path: ['unit'], message: "months are calendar months: unit must be 'calendar'" });
  }
});

const routeClocksSchema = strict({
  acknowledge: clockRuleSchema.optional(),
  feedback: clockRuleSchema.optional(),
  decision: clockRuleSchema.optional(),
  contact: clockRuleSchema.optional(),
  firstUpdate: clockRuleSchema.optional(),
} satisfies Record<ClockKind, unknown>).check((ctx) => {
  const route = ctx.value;
  if (route.acknowledge?.startsAt === 'acknowledgement') {
    ctx.issues.push({ code: 'custom', input: route, path: ['acknowledge', 'startsAt'], message: "the acknowledgement itself must start at 'receipt'" });
  }
  for (const clock of CLOCK_KINDS) {
    // Without an acknowledge clock nothing would start this one if the handler never acknowledges.
    if (route[clock]?.startsAt === 'acknowledgement' && !route.acknowledge) {
      ctx.issues.push({ code: 'custom', input: route, path: [clock, 'startsAt'], message: 'starts at the acknowledgement, but the route has no acknowledge clock' });
    }
  }
});

const WHOLE_HOUR = 'must be a whole hour from 0 to 24';
const hour = z.number({ error: WHOLE_HOUR }).int({ error: WHOLE_HOUR }).min(0, { error: WHOLE_HOUR }).max(24, { error: WHOLE_HOUR });
const NON_NEGATIVE_WHOLE = 'must be a whole number, 0 or more';
const nonNegativeWhole = z.number({ error: NON_NEGATIVE_WHOLE }).int({ error: NON_NEGATIVE_WHOLE }).min(0, { error: NON_NEGATIVE_WHOLE });

/** The JSON form of {@link DeadlinePolicy}; every section is required so a forgotten route cannot mean "no deadlines". */
export const deadlinePolicySchema: z.ZodType<DeadlinePolicy> = strict({
  routes: strict({
    meldpunt: routeClocksSchema,
    klachtencoordinator: routeClocksSchema,
    line_manager: routeClocksSchema,
    vertrouwenspersoon: routeClocksSchema,
    ago: routeClocksSchema,
    veiligheidsfunctionaris: routeClocksSchema,
  } satisfies Record<HandlerRole, unknown>),
  reminders: strict({
    stages: z
      .array(z.enum(REMINDER_STAGES, { error: `must be one of ${REMINDER_STAGES.join(', ')}` }))
      .refine((stages) => new Set(stages).size === stages.length, { error: 'must not repeat a stage' }),
    workingHours: strict({ start: hour, end: hour }).refine((hours) => hours.start < hours.end, { error: 'start must be before end' }),
    escalationRepeatDays: positiveWhole,
    maxEscalationRepeats: nonNegativeWhole,
  }),
  decisionExtension: strict({
    maxDays: positiveWhole,
    withoutConsent: nonNegativeWhole,
  }),
});

/**
 * Validates a deadline configuration; `json` is the parsed value or its JSON text. Throws a
 * ConfigurationError that names `source` and each bad field, e.g.
 * `DEADLINE_POLICY: routes.meldpunt.acknowledge.days: must be a positive whole number`.
 */
export function parseDeadlinePolicy(json: unknown, source: string): DeadlinePolicy {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      throw new ConfigurationError([`${source}: is not valid JSON`]);
    }
  }
  const parsed = deadlinePolicySchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${source}: ${issue.path.join('.')}: ${issue.message}` : `${source}: ${issue.message}`)),
    );
  }
  return parsed.data;
}
