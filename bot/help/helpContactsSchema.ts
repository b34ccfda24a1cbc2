import { z } from 'zod';

/** Names a missing field plainly; other type errors keep zod's message. */
const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : undefined) };

function text(max: number) {
  return z.string(required).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/** Both languages of the bot, each required. */
const inBothLanguages = (max: number) => z.strictObject({ nl: text(max), en: text(max) }, required);

const contactSchema = z
  .strictObject(
    {
      id: z.string(required).regex(/^[a-z0-9-]{2,40}$/, 'must be 2 to 40 characters: lower-case letters, digits and "-"'),
      emergency: z.boolean().default(false),
      name: inBothLanguages(80),
      text: inBothLanguages(300),
      // Digits, spaces, "+" and "-" only: a number a person can dial as shown.
      phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{1,18}[0-9]$/, 'must be a phone number: digits, spaces, "-" and a leading "+"').optional(),
      url: z.url({ protocol: /^https$/, error: 'must be an https:// link' }).optional(),
    },
    required,
  )
  .refine((contact) => contact.phone !== undefined || contact.url !== undefined, { error: 'needs a phone number or a link (phone, url)', path: ['phone'] });

/**
 * The organisation's help file: the ways to get help right now. Exactly one emergency entry (in
 * the Netherlands 112), ids unique. Objects are strict, so a misspelt field is an error.
 */
export const helpContactsFileSchema = z
  .strictObject(
    {
      $schema: z.string().optional(),
      _comment: z.string().optional(),
      contacts: z.array(contactSchema, required).min(2, 'must list the emergency number and at least one other way to get help').max(12, 'must list at most 12 contacts'),
    },
    required,
  )
  .superRefine((file, context) => {
    const emergencies = file.contacts.filter((contact) => contact.emergency).length;
    if (emergencies !== 1) context.addIssue({ code: 'custom', path: ['contacts'], message: `must have exactly one entry with "emergency": true (found ${emergencies})` });
    const seen = new Set<string>();
    file.contacts.forEach((contact, index) => {
      if (seen.has(contact.id)) context.addIssue({ code: 'custom', path: ['contacts', index, 'id'], message: `"${contact.id}" is used twice` });
      seen.add(contact.id);
    });
  });
