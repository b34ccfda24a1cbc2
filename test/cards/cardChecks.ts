/**
 * Checks shared by the card tests: parsing with the Adaptive Cards library, validation against
 * the official 1.5 schema, and small walkers over card JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as AC from 'adaptivecards';

/** Teams refuses activities over ~28 KB; a card must leave room for the activity around it. */
export const MAX_CARD_BYTES = 28 * 1024;

const SCHEMA_PATH = path.join(__dirname, '../../schemas/adaptive-card-1.5.json');

let validateSchema: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!validateSchema) {
    const ajv = new Ajv({ strict: false, allErrors: false });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    addFormats(ajv);
    // The file names itself with draft-04's `id`; Ajv 8 only accepts `$id`.
    const { id, ...schema } = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as { id?: string } & Record<string, unknown>;
    validateSchema = ajv.compile({ ...schema, $id: id });
  }
  return validateSchema;
}

/** Teams' people picker: the query an `Input.ChoiceSet` carries in `choices.data` to search the organisation. */
export const PEOPLE_PICKER_QUERY = { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } as const;

function isPeoplePicker(node: object, key: string, value: unknown): boolean {
  return (
    key === 'choices.data' &&
    (node as { type?: unknown }).type === 'Input.ChoiceSet' &&
    JSON.stringify(value) === JSON.stringify(PEOPLE_PICKER_QUERY)
  );
}

/**
 * Removes what the official schema does not know but is correct in our cards: the templating
 * keys `$when` / `$data` (templates only), Teams' own `msteams` property on the card
 * (`width: 'Full'`), and Teams' people picker query (`choices.data` with exactly
 * {@link PEOPLE_PICKER_QUERY} on an `Input.ChoiceSet`), which the schema's
 * `additionalProperties: false` would reject. `choices.data` only entered the schema with
 * version 1.6; Teams reads it on 1.5 cards, and the Adaptive Cards library parses it without a
 * problem (any other `choices.data` stays and is reported).
 */
export function withoutHostAndTemplateKeys(node: unknown, isRoot = true): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutHostAndTemplateKeys(item, false));
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$when' || key === '$data' || (isRoot && key === 'msteams') || isPeoplePicker(node, key, value)) continue;
    // Action data is free-form and sent back as is: keep it untouched.
    result[key] = key === 'data' ? value : withoutHostAndTemplateKeys(value, false);
  }
  return result;
}

/** Schema errors of a card or template (empty when valid), as readable lines. */
export function schemaErrors(card: unknown): string[] {
  const validate = schemaValidator();
  if (validate(withoutHostAndTemplateKeys(card))) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

/** Problems the Adaptive Cards library reports when it parses the card and validates its properties. */
export function adaptiveCardsProblems(card: object): string[] {
  // The library checks `lang` with a global (/g) regular expression, whose `lastIndex` survives
  // between cards: every second valid "nl" would be reported as invalid. Start each parse afresh.
  const langPattern = (AC.CardElement.langProperty as unknown as { regEx?: RegExp }).regEx;
  if (langPattern) langPattern.lastIndex = 0;
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

/** Every object in a card (depth first), e.g. to find inputs and actions. */
export function allObjects(node: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      found.push(value as Record<string, unknown>);
      Object.values(value).forEach(visit);
    }
  };
  visit(node);
  return found;
}

/** The elements and actions of a given type, e.g. `Input.Text` or `Action.Submit`. */
export function ofType(card: object, type: string): Record<string, unknown>[] {
  return allObjects(card).filter((item) => item.type === type);
}

/** Inputs: every element whose type starts with `Input.` (choices are `Input.Choice` objects without a type). */
export function inputs(card: object): Record<string, unknown>[] {
  return allObjects(card).filter((item) => typeof item.type === 'string' && item.type.startsWith('Input.'));
}

/** Actions that can be pressed: Submit and Execute. */
export function actions(card: object): Record<string, unknown>[] {
  return allObjects(card).filter((item) => item.type === 'Action.Submit' || item.type === 'Action.Execute');
}

/** The action with this title (there must be exactly one). */
export function actionTitled(card: object, title: string): Record<string, unknown> {
  const found = actions(card).filter((action) => action.title === title);
  if (found.length !== 1) throw new Error(`expected one action titled "${title}", found ${found.length}`);
  return found[0];
}

/** The `vm` object an Action.Submit sends. */
export function vmOf(action: Record<string, unknown>): Record<string, unknown> {
  const data = action.data as { vm?: Record<string, unknown> } | undefined;
  return data?.vm ?? {};
}

/** The texts a reader sees, in order: TextBlock and TextRun texts, fact titles and values. */
export function visibleTexts(card: object): string[] {
  const texts: string[] = [];
  for (const item of allObjects(card)) {
    if ((item.type === 'TextBlock' || item.type === 'TextRun') && typeof item.text === 'string') texts.push(item.text);
    if (item.type === 'FactSet') {
      for (const fact of item.facts as { title: string; value: string }[]) texts.push(fact.title, fact.value);
    }
  }
  return texts;
}

/** The card's JSON size in bytes (UTF-8), as it travels. */
export function sizeInBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The top-level body elements, in order. */
export function bodyOf(card: object): Record<string, unknown>[] {
  return ((card as { body?: unknown[] }).body ?? []) as Record<string, unknown>[];
}

/** All text in an element (recursively), joined: to find where a message sits on the card. */
export function textIn(element: unknown): string {
  return visibleTexts(element as object).join('\n');
}

/** The element right after the input with this id in its container: where its error message must be. */
export function elementAfterInput(card: object, id: string): Record<string, unknown> | undefined {
  for (const item of allObjects(card)) {
    for (const list of Object.values(item)) {
      if (!Array.isArray(list)) continue;
      const index = list.findIndex((element) => typeof element === 'object' && element !== null && (element as { id?: unknown }).id === id);
      if (index >= 0) return list[index + 1] as Record<string, unknown> | undefined;
    }
  }
  return undefined;
}
