import { z } from 'zod';
import {
  CATEGORIES,
  DESCRIPTION_MAX_LENGTH,
  IDENTITY_MODES,
  LOCATION_MAX_LENGTH,
  MANAGER_INVOLVED,
  REQUEST_KINDS,
  SHORT_TEXT_MAX_LENGTH,
  STEP_FIELDS,
  type ReportAnswers,
  type WizardStep,
} from './report';

/** Field name → locale key under `validation.`. */
export type FieldErrors = Partial<Record<keyof ReportAnswers, string>>;

export interface ParsedStepInput {
  /** What the user entered on this step, cleaned; kept even when invalid so the step re-shows it. */
  answers: Partial<ReportAnswers>;
  errors: FieldErrors;
}

const trimmedText = z.string().transform((value) => value.replace(/\r\n/g, '\n').trim());
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/**
 * Reads the inputs of one wizard step from a card submission. Values of the wrong type are
 * dropped with an error; text that is too long is kept up to its limit, with an error. Nothing
 * here trusts the card: the input is whatever a client sent.
 *
 * @param today the reporter's current date (YYYY-MM-DD, Europe/Amsterdam), to refuse future dates.
 */
export function parseStepInput(step: WizardStep, input: Record<string, unknown>, today: string): ParsedStepInput {
  const answers: Partial<ReportAnswers> = {};
  const errors: FieldErrors = {};
  const fields = STEP_FIELDS[step];
  const has = (field: keyof ReportAnswers) => Object.prototype.hasOwnProperty.call(input, field) && input[field] !== undefined && input[field] !== null && input[field] !== '';

  const text = (field: 'involved' | 'location' | 'description', max: number) => {
    if (!has(field)) return;
    const parsed = trimmedText.safeParse(input[field]);
    if (!parsed.success) {
      errors[field] = 'invalidValue';
      return;
    }
    if (parsed.data.length > max) {
      errors[field] = 'tooLong';
      answers[field] = parsed.data.slice(0, max);
    } else if (parsed.data.length > 0) {
      answers[field] = parsed.data;
    }
  };

  const choice = <T extends string>(field: 'kind' | 'identity' | 'managerInvolved', options: readonly T[]) => {
    if (!has(field)) return;
    const parsed = z.enum(options as unknown as [T, ...T[]]).safeParse(input[field]);
    if (parsed.success) (answers as Record<string, unknown>)[field] = parsed.data;
    else errors[field] = 'invalidChoice';
  };

  const toggle = (field: 'preferMeldpunt' | 'wantsCounsellorContact') => {
    if (!has(field)) {
      answers[field] = false;
      return;
    }
    const parsed = flag.safeParse(input[field]);
    if (parsed.success) answers[field] = parsed.data;
    else errors[field] = 'invalidChoice';
  };

  for (const field of fields) {
    switch (field) {
      case 'categories': {
        if (!has('categories')) break;
        const raw = input.categories;
        const list = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : undefined;
        if (!list || list.some((item) => typeof item !== 'string')) {
          errors.categories = 'invalidChoice';
          break;
        }
        const values = [...new Set(list.map((item) => (item as string).trim()).filter(Boolean))];
        const known = values.filter((value): value is (typeof CATEGORIES)[number] => (CATEGORIES as readonly string[]).includes(value));
        if (known.length !== values.length) errors.categories = 'invalidChoice';
        if (known.length > 0) answers.categories = CATEGORIES.filter((category) => known.includes(category));
        break;
      }
      case 'kind':
        choice('kind', REQUEST_KINDS);
        break;
      case 'identity':
        choice('identity', IDENTITY_MODES);
        break;
      case 'managerInvolved':
        choice('managerInvolved', MANAGER_INVOLVED);
        break;
      case 'involved':
        text('involved', SHORT_TEXT_MAX_LENGTH);
        break;
      case 'location':
        text('location', LOCATION_MAX_LENGTH);
        break;
      case 'description':
        text('description', DESCRIPTION_MAX_LENGTH);
        break;
      case 'incidentDate': {
        if (!has('incidentDate')) break;
        const parsed = z.iso.date().safeParse(input.incidentDate);
        if (!parsed.success) errors.incidentDate = 'invalidDate';
        else if (parsed.data > today) {
          errors.incidentDate = 'dateInFuture';
          answers.incidentDate = parsed.data;
        } else answers.incidentDate = parsed.data;
        break;
      }
      case 'preferMeldpunt':
      case 'wantsCounsellorContact':
        toggle(field);
        break;
      case 'immediateDanger': {
        // A yes/no question, not a toggle: left unanswered, it stays unanswered.
        if (!has('immediateDanger')) break;
        const parsed = flag.safeParse(input.immediateDanger);
        if (parsed.success) answers.immediateDanger = parsed.data;
        else errors.immediateDanger = 'invalidChoice';
        break;
      }
    }
  }
  return { answers, errors };
}
