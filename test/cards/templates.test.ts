import * as fs from 'node:fs';
import * as path from 'node:path';
import { DESCRIPTION_MAX_LENGTH, LOCATION_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH } from '../../bot/domain/report';
import { CASE_MESSAGE_MAX_LENGTH } from '../../cards/caseMessageMaxLength';
import { inputs, schemaErrors } from './cardChecks';

const CARDS_DIR = path.join(__dirname, '../../cards');

const TEMPLATES = fs
  .readdirSync(CARDS_DIR)
  .filter((file) => file.endsWith('.card.json'))
  .map((file) => [file, JSON.parse(fs.readFileSync(path.join(CARDS_DIR, file), 'utf8')) as Record<string, unknown>] as const);

describe('card templates', () => {
  it('when the cards folder is read, then there is a template for every card', () => {
    expect(TEMPLATES.map(([file]) => file).sort()).toEqual(
      [
        'anonymousStatus',
        'caseDetails',
        'chatReceipt',
        'dangerHelp',
        'dialogReceipt',
        'error',
        'feedback',
        'handlerAction',
        'handlerTask',
        'myCases',
        'notice',
        'reporterCase',
        'reporterNotice',
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
      expect(schemaErrors(template)).toEqual([]);
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
        if (['message', 'answer', 'information'].includes(input.id as string)) expect(input.maxLength).toBe(CASE_MESSAGE_MAX_LENGTH);
      }
    });
  });
});
