import * as fs from 'node:fs';
import * as path from 'node:path';
import { DESCRIPTION_MAX_LENGTH, LOCATION_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH } from '../../bot/domain/report';
import { CASE_MESSAGE_MAX_LENGTH, IDENTITY_REASON_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { allObjects, inputs, schemaErrors } from './cardChecks';

const CARDS_DIR = path.join(__dirname, '../../cards');

const TEMPLATES = fs
  .readdirSync(CARDS_DIR)
  .filter((file) => file.endsWith('.card.json'))
  .map((file) => [file, JSON.parse(fs.readFileSync(path.join(CARDS_DIR, file), 'utf8')) as Record<string, unknown>] as const);

/** A string that is one template expression and nothing else: it keeps the type of its value when expanded. */
const ONE_EXPRESSION = /^\$\{[^}]+\}$/;

/**
 * Stand-ins for the few properties whose schema type is not a plain string but whose value comes
 * from the data as one expression (`Input.Number.value` is a number, `Action.OpenUrl.url` a URL):
 * as written in the template they cannot match the schema. Only these, and only when the value is
 * exactly one expression; the rendered cards are checked against the schema with the real values.
 */
function withTypedExpressionsFilled(template: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  for (const item of allObjects(copy)) {
    if (item.type === 'Input.Number' && typeof item.value === 'string' && ONE_EXPRESSION.test(item.value)) item.value = 0;
    if (item.type === 'Action.OpenUrl' && typeof item.url === 'string' && ONE_EXPRESSION.test(item.url)) item.url = 'https://example.org/';
  }
  return copy;
}

describe('card templates', () => {
  it('when the cards folder is read, then there is a template for every card', () => {
    expect(TEMPLATES.map(([file]) => file).sort()).toEqual(
      [
        'actionTask',
        'anonymousStatus',
        'auditExport',
        'caseDetails',
        'chatReceipt',
        'checkIn',
        'checkInDialog',
        'coordinatorDigest',
        'dangerHelp',
        'dialogReceipt',
        'error',
        'extensionConsent',
        'feedback',
        'handlerAction',
        'handlerTask',
        'handover',
        'insights',
        'lessonReview',
        'myCases',
        'notice',
        'reporterCase',
        'reporterNotice',
        'teamSettings',
        'topic',
        'welcome',
        'withdraw',
        'wizardReview',
        'wizardStep',
      ].map(
        (name) => `${name}.card.json`,
      ),
    );
  });

  describe.each(TEMPLATES)('%s', (file, template) => {
    it('when validated as it is (templating keys aside), then it matches the Adaptive Card 1.5 schema', () => {
      expect(schemaErrors(withTypedExpressionsFilled(template))).toEqual([]);
    });

    it('when read, then it is a version 1.5 card that names the schema', () => {
      expect(template).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    });

    it('when read, then it has a render function next to it, named after it', () => {
      const name = file.replace('.card.json', '');
      const module = require(path.join(CARDS_DIR, name)) as Record<string, unknown>;
      expect(typeof module[`render${name[0].toUpperCase()}${name.slice(1)}`]).toBe('function');
    });

    it('when it has text inputs, then their maximum lengths match the limits the bot enforces', () => {
      for (const input of inputs(template).filter((i) => i.type === 'Input.Text')) {
        if (input.id === 'description') expect(input.maxLength).toBe(DESCRIPTION_MAX_LENGTH);
        if (input.id === 'involved') expect(input.maxLength).toBe(SHORT_TEXT_MAX_LENGTH);
        if (input.id === 'location') expect(input.maxLength).toBe(LOCATION_MAX_LENGTH);
        // The reason for asking a confidential reporter who they are is shorter (the handler's identity form).
        const identityReason = input.$when === '${isAction.identity}';
        if (['message', 'answer', 'information'].includes(input.id as string)) expect(input.maxLength).toBe(identityReason ? IDENTITY_REASON_MAX_LENGTH : CASE_MESSAGE_MAX_LENGTH);
      }
    });
  });
});
