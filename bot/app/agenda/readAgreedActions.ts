import { ACTION_SLOTS, ACTION_TEXT_MAX_LENGTH, NOTES_MAX_LENGTH } from '../../domain/agenda/topicFormLimits';
import { ValidationError } from '../../domain/errors';
import { readFields } from '../shared/readFields';
import { readActionDueDate } from './actionDueDate';


/** One agreed action as entered. */
export interface AgreedActionInput {
  slot: number;
  text: string;
  ownerId: string;
  /** YYYY-MM-DD. */
  dueDate: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** An Entra object id (GUID); in local mode the emulator's ids are accepted by `knownPerson`. */
const ID = /^[A-Za-z0-9:_.@-]{1,200}$/;

/**
 * Reads "discussed" from the topic card: optional notes and up to three actions. A slot is used
 * when any of its fields is filled; then text, owner and a due date from today on are all needed.
 * Every problem is reported at once, by input id (keys under `validation.`).
 */
export async function readAgreedActions(
  input: Readonly<Record<string, unknown>>,
  knownPerson: (id: string) => Promise<boolean>,
  now: Date,
): Promise<{ notes: string; actions: AgreedActionInput[] }> {
  const owners = new Map<number, boolean>();
  for (const slot of ACTION_SLOTS) {
    const owner = text(input[`action${slot}Owner`]);
    if (owner && ID.test(owner)) owners.set(slot, await knownPerson(owner));
  }
  const readers: Record<string, () => unknown> = {
    notes: () => {
      const notes = text(input.notes);
      if (notes.length > NOTES_MAX_LENGTH) throw new ValidationError({ notes: 'tooLong' });
      return notes;
    },
  };
  for (const slot of ACTION_SLOTS) {
    readers[`action${slot}`] = (): AgreedActionInput | undefined => {
      const actionText = text(input[`action${slot}Text`]);
      const ownerId = text(input[`action${slot}Owner`]);
      const dueDate = text(input[`action${slot}Due`]);
      if (!actionText && !ownerId && !dueDate) return undefined;
      const errors: Record<string, string> = {};
      if (!actionText) errors[`action${slot}Text`] = 'actionIncomplete';
      else if (actionText.length > ACTION_TEXT_MAX_LENGTH) errors[`action${slot}Text`] = 'tooLong';
      if (!ownerId) errors[`action${slot}Owner`] = 'actionIncomplete';
      else if (!ID.test(ownerId) || owners.get(slot) !== true) errors[`action${slot}Owner`] = 'unknownPerson';
      try {
        readActionDueDate(dueDate, now, `action${slot}Due`, 'actionIncomplete');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        Object.assign(errors, error.fields);
      }
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      return { slot, text: actionText, ownerId, dueDate };
    };
  }
  const values = readFields(readers);
  const actions = ACTION_SLOTS.map((slot) => values[`action${slot}`] as AgreedActionInput | undefined).filter((action): action is AgreedActionInput => action !== undefined);
  return { notes: values.notes as string, actions };
}
