import { AsyncLocalStorage } from 'node:async_hooks';
import * as deliverTurnItemsModule from '../bot/app/outbox/deliverTurnItems';
import * as rememberConversationModule from '../bot/app/outbox/rememberConversation';
import * as submitReportModule from '../bot/app/intake/submitReport';
import * as turnOutboxModule from '../bot/app/outbox/turnOutbox';
import { JsonDirectory } from '../bot/directory/jsonDirectory';
import { AesGcmContentCipher } from '../bot/security/aesGcmContentCipher';
import { HmacExclusionMarker } from '../bot/security/hmacExclusionMarker';
import { HmacPseudonymizer } from '../bot/security/hmacPseudonymizer';
import { EmbeddedDocumentContainer } from '../bot/storage/embeddedDocumentContainer';
import { SlidingWindowLimiter } from '../bot/teams/slidingWindowLimiter';
import { TeamsProactiveMessenger } from '../bot/teams/teamsProactiveMessenger';

/** Wall time spent inside one kind of call, summed over every call (calls of concurrent turns overlap). */
export interface SpanTotal {
  calls: number;
  ms: number;
}

type AnyFunction = (...args: unknown[]) => unknown;

const totals = new Map<string, SpanTotal>();
/** Set inside the turn's delivery (after its work), so store calls there are told apart from the work's. */
const inDelivery = new AsyncLocalStorage<boolean>();
let installed = false;

function add(name: string, ms: number): void {
  const total = totals.get(name) ?? { calls: 0, ms: 0 };
  total.calls += 1;
  total.ms += ms;
  totals.set(name, total);
}

/** `original`, timed under `name` (a promise until it settles; a plain value at once). */
function timed(name: string | (() => string), original: AnyFunction): AnyFunction {
  return function spanned(this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const label = typeof name === 'string' ? name : name();
    const result = original.apply(this, args);
    if (result instanceof Promise) return result.finally(() => add(label, performance.now() - started));
    add(label, performance.now() - started);
    return result;
  };
}

function wrapMethods(prototype: object, methods: readonly string[], name: (method: string) => string | (() => string)): void {
  const target = prototype as Record<string, AnyFunction>;
  for (const method of methods) target[method] = timed(name(method), target[method]);
}

function wrapExport(module: object, exported: string, name: string, around?: (call: () => unknown) => unknown): void {
  const target = module as Record<string, AnyFunction>;
  const original = timed(name, target[exported]);
  target[exported] = around ? function wrapped(this: unknown, ...args: unknown[]) { return around(() => original.apply(this, args)); } : original;
}

/**
 * Times, in this process, the calls a turn waits on: the whole turn after identification
 * (`runThenDeliverOwn`), its own delivery (`deliverTurnItems`), the rate limiter, the connector
 * sends, every embedded store operation (in the work or in the delivery), crypto, the directory,
 * routing. A benchmark reads the sums (`spanTotals`) for a stretch of load: sum ÷ turns = the
 * average time one turn spent inside that kind of call. A benchmark aid only (BENCH_SPANS=1).
 */
export function installTurnSpans(): void {
  if (installed) return;
  installed = true;
  wrapExport(turnOutboxModule, 'runThenDeliverOwn', 'turn: work + own delivery (runThenDeliverOwn)');
  wrapExport(deliverTurnItemsModule, 'deliverTurnItems', 'turn: own delivery (deliverTurnItems)', (call) => inDelivery.run(true, call));
  wrapExport(submitReportModule, 'submitReport', 'work: submitReport');
  wrapExport(rememberConversationModule, 'rememberConversation', 'turn: rememberConversation');
  const storeName = (method: string) => () => `store ${['read', 'query'].includes(method) ? 'read/query' : 'write'} (${inDelivery.getStore() ? 'in delivery' : 'in work'})`;
  wrapMethods(EmbeddedDocumentContainer.prototype, ['read', 'query', 'create', 'replace', 'upsert', 'delete'], storeName);
  wrapMethods(SlidingWindowLimiter.prototype, ['acquireAt'], () => 'delivery: rate limiter wait');
  wrapMethods(TeamsProactiveMessenger.prototype, ['sendCard', 'createPersonalConversation'], (method) => `delivery: messenger.${method} (incl. limiter)`);
  wrapMethods(AesGcmContentCipher.prototype, ['seal', 'open'], (method) => `crypto: cipher.${method}`);
  wrapMethods(HmacPseudonymizer.prototype, ['pseudonym'], () => 'crypto: pseudonym');
  wrapMethods(HmacExclusionMarker.prototype, ['mark', 'isMarked'], (method) => `crypto: exclusion.${method}`);
  const directoryMethods = ['getPerson', 'managerChain', 'unitOf', 'unitChain', 'holdersOfRole', 'allUnits', 'isKnown'];
  wrapMethods(JsonDirectory.prototype, directoryMethods.filter((method) => typeof (JsonDirectory.prototype as unknown as Record<string, unknown>)[method] === 'function'), () => 'directory');
}

/** The sums so far, and resets them. */
export function takeSpanTotals(): Record<string, SpanTotal> {
  const result = Object.fromEntries([...totals].map(([name, total]) => [name, { ...total }]));
  totals.clear();
  return result;
}
