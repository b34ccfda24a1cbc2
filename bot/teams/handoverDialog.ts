import { renderHandover } from '../../cards/handover';
import { t } from '../../cards/i18n';
import type { HandoverView } from '../../cards/handover';
import type { PersonChoice } from '../../cards/personChoice';
import { handOverCases } from '../app/handover/handOverCases';
import { handoverChoice, handoverPeople, type HandoverPeople } from '../app/handover/handoverPeople';
import { ForbiddenError, ValidationError } from '../domain/errors';
import type { Locale } from '../domain/locale';
import type { BotServices } from './botServices';
import type { ParsedDialogAction } from './dialogAction';
import { dialogCard } from './invokeResponses';
import type { TurnIdentity } from './turnIdentity';

/** Longer than any Entra object id; a longer value is not a person. */
const MAX_PERSON_ID = 100;

/** `task/fetch` of the handover dialog: the form, fitted to whether the user coordinates a unit. */
export async function fetchHandoverDialog(services: BotServices, turn: TurnIdentity): Promise<object> {
  const people = await handoverPeople(services, turn.reporter.userId, turn.reporter.name);
  return handoverDialog(turn.locale, formView(turn.locale, people, {}));
}

/**
 * `task/submit` of the handover dialog: hands all open cases of `fromPerson` (the user themself
 * when they are not a coordinator and sent none) to `toPerson`, as the user. A missing choice, an
 * unknown or identical successor, and a refusal (not a coordinator of that person's unit) bring
 * the form back with the message next to the field and the choices kept; nothing moves then.
 * After the handover the dialog shows what moved where; cancel and close close the dialog.
 */
export async function submitHandoverDialog(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction, inputs: Record<string, unknown>): Promise<object | undefined> {
  if (action.nav === 'close') return undefined;
  const { locale } = turn;
  const userId = turn.reporter.userId;
  const people = await handoverPeople(services, userId, turn.reporter.name);
  // A non-coordinator's form has no fromPerson input; one that arrives anyway is checked like any other.
  const fromId = personId(inputs.fromPerson) ?? (people.coordinator ? undefined : userId);
  const toId = personId(inputs.toPerson);
  const errors: HandoverView['errors'] = {};
  if (!fromId) errors.fromPerson = 'pickPerson';
  if (!toId) errors.toPerson = 'pickSuccessor';
  if (!fromId || !toId) return handoverDialog(locale, formView(locale, people, errors, await handoverChoice(services, people, fromId), await handoverChoice(services, people, toId)));

  try {
    const result = await handOverCases(services, { fromUserId: fromId, toUserId: toId, actor: { kind: 'user', userId } });
    return handoverDialog(locale, {
      ...formView(locale, people, {}),
      result: { fromName: await nameOf(services, people, fromId), toName: await nameOf(services, people, toId), ...result },
    });
  } catch (error) {
    if (error instanceof ValidationError) errors.toPerson = error.fields.successor ?? 'generic';
    else if (error instanceof ForbiddenError) errors.fromPerson = 'handoverNotAllowed';
    else throw error;
    services.logger.warn('handover.refused', { code: error.code });
  }
  return handoverDialog(locale, formView(locale, people, errors, await handoverChoice(services, people, fromId), await handoverChoice(services, people, toId)));
}

function handoverDialog(locale: Locale, view: HandoverView): object {
  return dialogCard(t(locale, 'dialog.handoverTitle'), renderHandover(view), 'medium');
}

/** The form; a kept selection is put first in its list, so it is shown even when the list is long or did not have it. */
function formView(locale: Locale, people: HandoverPeople, errors: HandoverView['errors'], from?: PersonChoice, to?: PersonChoice): HandoverView {
  return {
    locale,
    coordinator: people.coordinator,
    self: people.self,
    fromChoices: people.coordinator ? first(from, people.from) : [people.self],
    toChoices: first(to, people.successors),
    fromPerson: people.coordinator ? from?.id : undefined,
    toPerson: to?.id,
    errors,
  };
}

function first(kept: PersonChoice | undefined, list: PersonChoice[]): PersonChoice[] {
  return kept ? [kept, ...list.filter((person) => person.id !== kept.id)] : list;
}


/** The name to show for a person in the result; their id when nobody knows them (a dialog is not kept as a chat message). */
async function nameOf(services: BotServices, people: HandoverPeople, id: string): Promise<string> {
  return (await handoverChoice(services, people, id))?.name ?? id;
}

/** The id a picker sent: one value, trimmed; nothing when empty, not text or too long to be an id. */
function personId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.trim();
  return id !== '' && id.length <= MAX_PERSON_ID && !id.includes(',') ? id : undefined;
}
