/**
 * Generators for `hostileInput.test.ts`: what a hostile or broken client can put in the data a
 * card sends back, in an invoke, or in a whole HTTP body. Everything a user could type carries
 * {@link CANARY}, so a test can tell typed text from the bot's own words in logs and chat
 * messages, and template syntax is wrapped in {@link PROBE_OPEN}…{@link PROBE_CLOSE}, so a test
 * can tell whether it came back literally or was evaluated.
 */
import fc from 'fast-check';
import { HANDLER_OUTCOMES } from '../../bot/domain/caseLifecycle';
import { HANDLER_ROLES } from '../../bot/domain/chooseRoute';
import { CATEGORIES, IDENTITY_MODES, MANAGER_INVOLVED, REQUEST_KINDS, WIZARD_STEPS } from '../../bot/domain/report';

/** In every generated piece of typed text: it must never reach a log line or a chat message. */
export const CANARY = 'Kq7canaryQz';

/** Around every template probe: whatever follows an opening bracket in a card must be the probe itself. */
export const PROBE_OPEN = '\u27E6';
export const PROBE_CLOSE = '\u27E7';

/**
 * Adaptive Card template syntax a user might type. Evaluated, each would turn into something else
 * (the draft id, 'a', a JSON object, the card's own data…), which the bracket check catches.
 */
export const TEMPLATE_PROBES = [
  '${$root.draftId}',
  '${$root.x}',
  '${draftId}',
  '${$root}',
  '${lang}',
  '${text.title}',
  "${if(true,'a','b')}",
  '${json(\'{"a":1}\')}',
  '${string($root)}',
  "${toUpper('kq')}",
  '${1+1}',
  '${$data}',
  '${$index}',
  '${$host}',
  '${',
  '$when',
] as const;

/** Markup, placeholders and unicode that have broken renderers, loggers and parsers elsewhere. */
export const HOSTILE_FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[klik hier](https://evil.example/login)',
  '![x](https://evil.example/x.png)',
  '**vet** _schuin_ `code`',
  '&lt;b&gt; &amp; &#x3C; &#60;',
  '<at>Anna</at>',
  '{id} {number} {total}',
  '%s %d %n',
  '{{x}}',
  "'; DROP TABLE cases; --",
  '"quoted" \\ backslash',
  '\u202Egnirts desrever\u202C \u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627',
  '\u200B\u200C\u200D\u2060\uFEFF',
  '\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDE92 \uD83C\uDDF3\uD83C\uDDF1',
  '\uD800',
  '\uDC00x\uDBFF',
  'e\u0301\u0301\u0301',
  '\u0000\u0007\u001B[31m',
  '\r\n\t \u2028\u2029',
  'constructor __proto__ prototype',
] as const;

export const INPUT_IDS = [
  'categories',
  'kind',
  'identity',
  'involved',
  'managerInvolved',
  'incidentDate',
  'location',
  'description',
  'preferMeldpunt',
  'wantsCounsellorContact',
  'immediateDanger',
  'message',
  'targetRole',
  'outcome',
  'days',
  'answer',
  'information',
  'takenSeriously',
  'wouldReportAgain',
  'reference',
  'secret',
  // The handover dialog's person pickers.
  'fromPerson',
  'toPerson',
] as const;
export type InputId = (typeof INPUT_IDS)[number];

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export const DIALOGS = [
  'wizard',
  'anonymousStatus',
  'caseDetails',
  'caseUpdate',
  'caseQuestion',
  'caseReassign',
  'caseClose',
  'caseMessages',
  'caseWithdraw',
  'caseExtend',
  'caseIdentity',
  'handover',
  'auditExport',
  'insights',
] as const;
export const CASE_DIALOGS = DIALOGS.filter((dialog) => dialog.startsWith('case'));
export const NAVS = ['next', 'back', 'stop', 'goto', 'submit', 'close', 'restart', 'checkStatus'] as const;
export const VERBS = ['showMyCases', 'showWelcome', 'refreshCase', 'acknowledgeCase', 'giveFeedback', 'consentExtension', 'actionDone', 'actionNewDate', 'refreshAction', 'saveTeamSettings'] as const;

/** People of config/directory.demo.json, for the handover pickers. */
const DIRECTORY_IDS = ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000013', '00000000-0000-4000-8000-000000000014', '00000000-0000-4000-8000-000000000015'];

/** Sets a property as an own, enumerable property, also for `__proto__` (an assignment would set the prototype instead). */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An object from entries, with `__proto__` as a plain key (as `JSON.parse` makes it). */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) put(result, key, value);
  return result;
}

/** Any UTF-16 code unit, lone surrogates included; never the probe brackets, which only probes may carry. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => (code === 0x27e6 || code === 0x27e7 ? '?' : String.fromCharCode(code)));
const anyUtf16 = fc.string({ unit: utf16Unit, maxLength: 40 });

export const probe = fc.constantFrom(...TEMPLATE_PROBES).map((text) => `${PROBE_OPEN}${text}${PROBE_CLOSE}`);

/** Text a user could type: always with the canary, mixed with markup, template syntax and odd unicode. */
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), probe, anyUtf16, fc.string({ unit: 'grapheme', maxLength: 20 })), { minLength: 1, maxLength: 6 })
  .chain((parts) => fc.nat(parts.length).map((at) => [...parts.slice(0, at), CANARY, ...parts.slice(at)].join(' ')));

/** Typed text, now and then empty, blank or invisible (which must count as not answered). */
export const typedText = fc.oneof(
  { weight: 10, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t ', '\u200B', '\u00A0') },
);

/** Ids as they appear in `vm` data, with the ones that are too long for the schema. */
export const idLike = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.uuid(),
  fc.nat({ max: 400 }).map((length) => 'x'.repeat(65 + length)),
  fc.constantFrom('', '/', '../cases', 'a?b#c', '\\', ...POLLUTION_KEYS, 'hasOwnProperty', 'toString'),
);

const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...POLLUTION_KEYS, 'polluted', 'vm', 'msteams', 'data', ...INPUT_IDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/**
 * Any JSON value with strings from `text`, and prototype-pollution keys at any level:
 * `{ "__proto__": { "polluted": … } }` and `{ "constructor": { "prototype": { "polluted": … } } }`
 * are among the shapes it makes.
 */
function hostileValueOf(text: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 10 }));
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectOf),
      fc.constant(objectOf([['__proto__', { polluted: 'yes' }]])),
      fc.constant(objectOf([['constructor', { prototype: { polluted: 'yes' } }]])),
    ),
  })).value;
}

/** A hostile value whose strings are typed text (with the canary). */
export const hostileValue = hostileValueOf(typedText);

/**
 * A hostile value for fields nobody types (ids, types, names): the same shapes, without the
 * canary, because the bot may rightly echo such fields (a conversation id is where it replies).
 */
export const junkValue = hostileValueOf(fc.oneof(fc.string({ unit: utf16Unit, maxLength: 30 }), fc.constantFrom(...HOSTILE_FRAGMENTS), probe));

/** A value of the type and vocabulary the input expects, or nearly (a future date, an unknown role…). */
function plausible(id: InputId): fc.Arbitrary<unknown> {
  switch (id) {
    case 'categories':
      return fc.oneof(
        fc.subarray([...CATEGORIES], { minLength: 1 }).map((list) => list.join(',')),
        fc.subarray([...CATEGORIES]),
        fc.constantFrom('bullying, ,integrity', 'unknown', 'bullying,__proto__', ','),
      );
    case 'kind':
      return fc.constantFrom(...REQUEST_KINDS, 'Report', 'toString');
    case 'identity':
      return fc.constantFrom(...IDENTITY_MODES, 'hidden');
    case 'managerInvolved':
      return fc.constantFrom(...MANAGER_INVOLVED, 'maybe');
    case 'incidentDate':
      return fc.constantFrom('2026-11-20', '2026-11-30', '2030-01-01', '2026-02-30', '20-11-2026', '2026-11-20T10:00:00Z', '0000-00-00');
    case 'preferMeldpunt':
    case 'wantsCounsellorContact':
    case 'immediateDanger':
      return fc.constantFrom('true', 'false', true, false, 'TRUE', 'yes', 1);
    case 'targetRole':
      return fc.constantFrom(...HANDLER_ROLES, 'admin', 'constructor');
    case 'outcome':
      return fc.constantFrom(...HANDLER_OUTCOMES, 'deleted');
    case 'days':
      return fc.constantFrom('1', '14', '28', '29', '0', '-3', '1.5', '1e3', '99999999999999999999', 7, 'abc');
    case 'takenSeriously':
    case 'wouldReportAgain':
      return fc.constantFrom('1', '3', '5', '0', '6', 4, '4.5', ' 2 ');
    case 'reference':
      return fc.constantFrom('VM-AAAA-BBBB', 'VM-3467-89AB', 'vm-aaaa-bbbb', '');
    case 'secret':
      return fc.constantFrom('AAAA-BBBB-CCCC-DDDD', '3467-89AB-CDEF-GHJK', '');
    case 'fromPerson':
    case 'toPerson':
      return fc.constantFrom(...DIRECTORY_IDS, 'nobody');
    default:
      return typedText;
  }
}

/** An input value: plausible, typed text, or of the wrong type altogether. */
export function inputValue(id: InputId): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: plausible(id) }, { weight: 4, arbitrary: typedText }, { weight: 2, arbitrary: hostileValue });
}

/** The inputs a card could send: any subset of the known ids, plus unknown and prototype keys. */
export const cardInputs = fc
  .tuple(
    fc.record(Object.fromEntries(INPUT_IDS.map((id) => [id, inputValue(id)])) as Record<InputId, fc.Arbitrary<unknown>>, { requiredKeys: [] }),
    fc.array(fc.tuple(key, hostileValue), { maxLength: 3 }),
  )
  .map(([known, extra]) => objectOf([...Object.entries(known), ...extra]));

/** A `vm` field: its own vocabulary, or any string, an over-long id, or another type. */
function vmField(options: readonly string[]): fc.Arbitrary<unknown> {
  const own = options.length > 0 ? [{ weight: 5, arbitrary: fc.constantFrom(...options) as fc.Arbitrary<unknown> }] : [];
  return fc.oneof(...own, { weight: 2, arbitrary: idLike }, { weight: 2, arbitrary: hostileValue });
}

/** A `vm` object made up from scratch: right and wrong types, unknown dialogs, navs and steps, extra keys. */
export const arbitraryVm = fc
  .tuple(
    fc.record(
      {
        dialog: vmField(DIALOGS),
        nav: vmField(NAVS),
        draftId: vmField([]),
        step: vmField(WIZARD_STEPS),
        goto: vmField(WIZARD_STEPS),
        submissionId: vmField([]),
        caseId: vmField([]),
        reference: vmField(['VM-AAAA-BBBB']),
        secret: vmField([]),
      },
      { requiredKeys: [] },
    ),
    fc.array(fc.tuple(key, hostileValue), { maxLength: 2 }),
  )
  .map(([fields, extra]) => objectOf([...Object.entries(fields), ...extra]));

/**
 * How to make the `vm` of a run. The live and case recipes are resolved when the run starts,
 * against what the bot has shown so far (the buttons of the user's newest wizard card, the cases
 * made in setup), so that hostile inputs also reach the code behind a valid card — a step that is
 * saved, a review that is submitted — not only the refusals.
 */
export type VmRecipe =
  | { kind: 'live'; button: number; nav?: string; step?: string; goto?: string; submission: 'keep' | 'random' | 'none' }
  | { kind: 'case'; dialog: string; nav: string; target: number; credentials: 'caseId' | 'anonymous' | 'wrongSecret' | 'none' }
  | { kind: 'raw'; vm: unknown }
  | { kind: 'absent' };

/** Mostly nothing, now and then one of `values`: for overrides of a button's `vm`. */
function sometimes(values: readonly string[]): fc.Arbitrary<string | undefined> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...values) });
}

export const vmRecipe: fc.Arbitrary<VmRecipe> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('live' as const),
      // A button of the card, as pressed; now and then with another nav, step or goto, or without (or with a made-up) submission id.
      button: fc.nat(),
      nav: sometimes(NAVS),
      step: sometimes(WIZARD_STEPS),
      goto: sometimes(WIZARD_STEPS),
      submission: fc.constantFrom('keep' as const, 'keep' as const, 'random' as const, 'none' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('case' as const),
      dialog: fc.constantFrom(...CASE_DIALOGS, 'anonymousStatus', 'handover'),
      nav: fc.oneof({ weight: 3, arbitrary: fc.constant('submit') }, { weight: 1, arbitrary: fc.constantFrom(...NAVS) }),
      target: fc.nat(),
      credentials: fc.constantFrom('caseId' as const, 'anonymous' as const, 'wrongSecret' as const, 'none' as const),
    }),
  },
  { weight: 3, arbitrary: arbitraryVm.map((vm) => ({ kind: 'raw' as const, vm })) },
  { weight: 1, arbitrary: hostileValue.map((vm) => ({ kind: 'raw' as const, vm })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'absent' as const }) },
);

/**
 * Now and then one field gets something out of the ordinary: a string of a megabyte (refused as a
 * whole body), of 200 kB (accepted, then cut to the field's limit), an object 1,000 levels deep
 * (with prototype keys at every level), or a huge array.
 */
export type Oversize = '1MB' | '1MiB' | '200kB' | 'deep' | 'deepArray' | 'hugeArray';
export const oversize: fc.Arbitrary<Oversize | undefined> = fc.oneof(
  { weight: 200, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('1MB' as const, '1MiB' as const) },
  { weight: 6, arbitrary: fc.constantFrom('200kB' as const, 'deep' as const, 'deepArray' as const, 'hugeArray' as const) },
);

let bigTexts: Partial<Record<Oversize, string>> = {};

/** The oversized value itself; big strings are made once (they are always the same) to keep runs fast. */
export function oversizedValue(kind: Oversize): unknown {
  switch (kind) {
    case '1MB':
    case '1MiB':
    case '200kB': {
      const length = kind === '1MB' ? 1_000_000 : kind === '1MiB' ? 1_048_576 : 200_000;
      bigTexts[kind] ??= `${CANARY} ${PROBE_OPEN}\${$root.draftId}${PROBE_CLOSE} <script>x</script> `.padEnd(length, 'ab ');
      return bigTexts[kind];
    }
    case 'deep': {
      let node: unknown = { polluted: 'yes', text: CANARY };
      for (let level = 0; level < 1_000; level += 1) node = objectOf([[POLLUTION_KEYS[level % 3], node]]);
      return node;
    }
    case 'deepArray': {
      let node: unknown = CANARY;
      for (let level = 0; level < 1_000; level += 1) node = [node];
      return node;
    }
    case 'hugeArray':
      return Array.from({ length: 20_000 }, (_, index) => (index % 2 ? 'bullying' : index));
  }
}

/** Frees the cached big strings (after the test file). */
export function forgetBigTexts(): void {
  bigTexts = {};
}
