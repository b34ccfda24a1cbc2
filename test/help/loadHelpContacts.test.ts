import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication } from '../../bot/composition';
import { ConfigurationError } from '../../bot/domain/errors';
import { loadHelpContacts, parseHelpContacts } from '../../bot/help/loadHelpContacts';
import { LOCALES } from '../../bot/domain/locale';

const DEMO_FILE = join(__dirname, '../../config/help.demo.json');

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

const valid = () => ({
  contacts: [
    { id: 'emergency', emergency: true, name: { nl: '112', en: '112' }, text: { nl: 'Bel 112.', en: 'Call 112.' }, phone: '112' },
    { id: 'kmar', name: { nl: 'KMar', en: 'KMar' }, text: { nl: 'Aangifte.', en: 'Report a crime.' }, url: 'https://www.marechaussee.nl' },
  ],
});

describe('the organisation help file (HELP_CONTACTS_FILE)', () => {
  it('when the demo file is read, then it holds the Defensie defaults in both languages, 112 first, each with a number or a link', () => {
    const contacts = loadHelpContacts(DEMO_FILE);
    expect(contacts[0]).toMatchObject({ emergency: true, phone: '112' });
    expect(contacts.map((contact) => contact.id)).toEqual(expect.arrayContaining(['marechaussee', 'duty-officer', 'bmw', 'chaplaincy', 'counsellors', 'company-doctor']));
    for (const contact of contacts) {
      for (const locale of LOCALES) expect(contact.name[locale].length * contact.text[locale].length).toBeGreaterThan(0);
      expect(contact.phone ?? contact.url).toBeDefined();
    }
  });

  it('when the emergency entry is not first in the file, then it still comes first', () => {
    const file = valid();
    file.contacts.reverse();
    expect(parseHelpContacts(file, 'help.json')[0].id).toBe('emergency');
  });

  it.each([
    ['an English text is missing', (file: any) => delete file.contacts[1].text.en, 'help.json: contacts.1.text.en: is required'],
    ['a phone number has letters', (file: any) => (file.contacts[0].phone = '112 or 911'), 'help.json: contacts.0.phone: must be a phone number'],
    ['a contact has neither phone nor link', (file: any) => delete file.contacts[1].url, 'help.json: contacts.1.phone: needs a phone number or a link (phone, url)'],
    ['a link is not https', (file: any) => (file.contacts[1].url = 'http://www.marechaussee.nl'), 'help.json: contacts.1.url: must be an https:// link'],
    ['there is no emergency entry', (file: any) => (file.contacts[0].emergency = false), 'help.json: contacts: must have exactly one entry with "emergency": true (found 0)'],
    ['a field is misspelt', (file: any) => (file.contacts[1].phon = '112'), 'help.json: contacts.1: Unrecognized key: "phon"'],
    ['an id is used twice', (file: any) => (file.contacts[1].id = 'emergency'), 'help.json: contacts.1.id: "emergency" is used twice'],
  ])('when %s, then the error names the file and the field', (_case, spoil, expected) => {
    const file = valid();
    spoil(file);
    expect(problemsOf(() => parseHelpContacts(file, 'help.json')).join('\n')).toContain(expected);
  });

  it('when the file is not JSON, then the error names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vm-help-'));
    try {
      writeFileSync(join(dir, 'help.json'), '{ "contacts": [');
      expect(problemsOf(() => loadHelpContacts(join(dir, 'help.json')))[0]).toMatch(/help\.json: not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the application starts with a broken help file, then start-up stops with an error naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vm-help-'));
    try {
      const file = valid();
      delete (file.contacts[1] as { url?: string }).url;
      writeFileSync(join(dir, 'help.json'), JSON.stringify(file));
      const started = createApplication({ localHostOptIn: true, env: { DATA_DIR: join(dir, 'data'), HELP_CONTACTS_FILE: join(dir, 'help.json') } });
      await expect(started).rejects.toBeInstanceOf(ConfigurationError);
      await expect(started).rejects.toThrow(`${join(dir, 'help.json')}: contacts.1.phone: needs a phone number or a link`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
