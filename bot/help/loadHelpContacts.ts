import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../domain/errors';
import type { HelpContact } from '../domain/helpContact';
import { helpContactsFileSchema } from './helpContactsSchema';

/**
 * Reads the organisation's help file at start-up (`HELP_CONTACTS_FILE`). The emergency number
 * comes first. Every problem is reported at once, as `<file>: <field path>: <what is wrong>`.
 *
 * @throws ConfigurationError naming the file and the field of every problem
 */
export function loadHelpContacts(file: string): readonly HelpContact[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot be read';
    throw new ConfigurationError([`${file}: ${reason}`]);
  }
  return parseHelpContacts(json, file);
}

/** Checks a parsed help file; `file` names it in messages. */
export function parseHelpContacts(json: unknown, file: string): readonly HelpContact[] {
  const parsed = helpContactsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${file}: ${issue.path.length > 0 ? issue.path.join('.') : '(file)'}: ${issue.message}`));
  }
  const contacts = parsed.data.contacts.map((contact) => Object.freeze({ ...contact }));
  return Object.freeze([...contacts.filter((contact) => contact.emergency), ...contacts.filter((contact) => !contact.emergency)]);
}
