import { ValidationError } from '../../domain/errors';
import type { AgreedActionInput } from './agendaCommands';
import { readActionDueDate } from './actionDueDate';

/**
 * Checks the parsed actions of "besproken" against the world: each owner a known person
 * (`unknownPerson`), each due date a real date from today on (`invalidDate`, `dateInPast`). Every
 * problem is reported at once, by input id (keys under `validation.`).
 */
export async function checkAgreedActions(actions: readonly AgreedActionInput[], knownPerson: (id: string) => Promise<boolean>, now: Date): Promise<AgreedActionInput[]> {
  const errors: Record<string, string> = {};
  for (const action of actions) {
    if (!(await knownPerson(action.ownerId))) errors[`action${action.slot}Owner`] = 'unknownPerson';
    try {
      readActionDueDate(action.dueDate, now, `action${action.slot}Due`, 'actionIncomplete');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(errors, error.fields);
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return [...actions];
}
