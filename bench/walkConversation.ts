import type { TargetKind } from './targetProcess';
import { objectsIn } from './objectsIn';

/** The kinds of turn the latency benchmark times. */
export const TURN_KINDS = ['message', 'task/fetch', 'task/submit', 'card action'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

/** One timed turn. */
export interface TurnSample {
  kind: TurnKind;
  ms: number;
  /** The submit that files the report (and delivers its notices within the turn). */
  files?: boolean;
}

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT_ID = '28:veilig-melden-bot';

/** The inputs the product's wizard steps send, in order (a named report, nobody in danger). */
const PRODUCT_STEPS: readonly Record<string, string>[] = [
  { categories: 'bullying,discrimination', immediateDanger: 'false' },
  { kind: 'report', preferMeldpunt: 'false' },
  { identity: 'named' },
  { involved: 'Sergeant Jansen, peloton 2', managerInvolved: 'no' },
  { incidentDate: '2026-11-20', location: 'Kazerne Oirschot, legering', description: 'Hij maakt elke ochtend grappen over mijn afkomst tijdens het appel.' },
  { wantsCounsellorContact: 'true' },
];

let sequence = 0;

/** Who sends a turn: a Teams user in a 1:1 chat with the bot. */
export interface BenchPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

/** The generated person number `user` of a benchmark. */
export function benchPerson(user: number): BenchPerson {
  return { id: `29:bench-${user}`, name: `Bench ${user}`, aadObjectId: `00000000-0000-4000-8000-${String(user).padStart(12, '0')}` };
}

/** The 1:1 chat id Teams would give a person (as the test fixtures do). */
export function personalChatId(person: BenchPerson): string {
  return `a:1${person.aadObjectId.replace(/-/g, '')}`;
}

function activity(person: BenchPerson, serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  sequence += 1;
  return {
    id: `f:bench-${sequence}`,
    timestamp: '2026-11-30T09:00:00.000Z',
    channelId: 'msteams',
    serviceUrl,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: BOT_ID, name: 'Veilig Melden' },
    conversation: { id: personalChatId(person), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'nl-NL',
    ...fields,
  };
}

/** The `vm` of the dialog button with this navigation (`next`, `submit`). */
export function buttonVm(body: unknown, nav: string): Record<string, unknown> {
  for (const item of objectsIn(body)) {
    const vm = (item.data as { vm?: Record<string, unknown> } | undefined)?.vm;
    if ((item.type === 'Action.Submit' || item.type === 'Action.Execute') && vm?.nav === nav) return vm;
  }
  throw new Error(`no button with nav "${nav}" in the answer`);
}

/** One conversation's walk: a message, the dialog opened, every step submitted to a receipt, a card action. */
export interface WalkOptions {
  kind: TargetKind;
  url: string;
  serviceUrl: string;
  user: number;
  /** Who walks; default the generated {@link benchPerson} `user`. */
  person?: BenchPerson;
  samples: TurnSample[];
  /** Called after each answered turn (the store operation count per step reads here). */
  afterTurn?: (kind: TurnKind) => Promise<void>;
}

/** Sends one turn as the walk's person, timing it; throws unless answered 200; returns the answer's body. */
export async function post(options: WalkOptions, kind: TurnKind, fields: Record<string, unknown>, files = false): Promise<unknown> {
  const started = performance.now();
  const person = options.person ?? benchPerson(options.user);
  const response = await fetch(`${options.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(person, options.serviceUrl, fields)) });
  const text = await response.text();
  options.samples.push({ kind, ms: performance.now() - started, ...(files ? { files } : {}) });
  if (response.status !== 200) throw new Error(`${options.kind} ${kind} answered ${response.status}`);
  await options.afterTurn?.(kind);
  return text ? JSON.parse(text) : undefined;
}

/** Walks one report up to its last step (a message, the dialog opened, every step but the last submitted); returns the last step's card. */
export async function walkToLastStep(options: WalkOptions): Promise<unknown> {
  await post(options, 'message', { type: 'message', text: 'hallo' });
  const fetchData = options.kind === 'product' ? { vm: { dialog: 'wizard', nav: 'next' } } : { vm: { dialog: 'floor', nav: 'next' } };
  let body = await post(options, 'task/fetch', { type: 'invoke', name: 'task/fetch', value: { data: { msteams: { type: 'task/fetch' }, ...fetchData }, context: { theme: 'default' } } });
  const steps = options.kind === 'product' ? PRODUCT_STEPS : Array.from({ length: 6 }, (_, index) => ({ answer: `antwoord ${index + 1}` }));
  for (const inputs of steps) {
    const vm = buttonVm(body, 'next');
    body = await post(options, 'task/submit', { type: 'invoke', name: 'task/submit', value: { data: { ...inputs, vm }, context: { theme: 'default' } } });
  }
  return body;
}

/** Submits the last step (the product's files the report); returns the answer (the receipt). */
export async function submitLastStep(options: WalkOptions, lastCard: unknown): Promise<unknown> {
  const vm = buttonVm(lastCard, options.kind === 'product' ? 'submit' : 'next');
  const inputs = options.kind === 'product' ? {} : { answer: 'antwoord 7' };
  return post(options, 'task/submit', { type: 'invoke', name: 'task/submit', value: { data: { ...inputs, vm }, context: { theme: 'default' } } }, true);
}

/** Walks one report to its receipt; throws if a step is not answered as expected. */
export async function walkConversation(options: WalkOptions): Promise<void> {
  const body = await submitLastStep(options, await walkToLastStep(options));
  const receipt = JSON.stringify(body);
  if (options.kind === 'product' ? !/VM-[0-9A-Z]{4}-[0-9A-Z]{4}/.test(receipt) : !receipt.includes('Ontvangen')) throw new Error(`${options.kind}: no receipt after the last step`);
  await post(options, 'card action', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'showMyCases', data: {} }, trigger: 'manual' } });
}
