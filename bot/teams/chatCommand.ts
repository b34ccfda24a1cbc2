import { normalizeCaseReference } from '../domain/caseReference';

/** What a typed message asks for. */
export type ChatCommand = 'report' | 'status' | 'stop' | 'handover' | 'agenda' | 'audit' | 'insights' | 'lessons' | 'welcome' | 'notInChat' | 'file';

/** A typed message read: the command, and for `audit` the case reference (normalised; absent when none or not a reference). */
export interface ChatMessage {
  command: ChatCommand;
  reference?: string;
}

const COMMANDS: ReadonlyArray<[ChatCommand, readonly string[]]> = [
  ['report', ['melden', 'melding', 'melding maken', 'nieuwe melding', 'report', 'make a report', 'new report']],
  ['status', ['status', 'mijn meldingen', 'my reports', 'my cases', 'mijn zaken']],
  ['stop', ['stop', 'stoppen', 'cancel']],
  // Overdracht bij wisseling van commandant: hand all open cases to a successor.
  ['handover', ['overdracht', 'overdragen', 'meldingen overdragen', 'handover', 'hand over', 'hand over cases']],
  // In a team channel: the settings of the team-meeting topics (werkoverleg).
  ['agenda', ['agenda', 'werkoverleg', 'instellingen', 'settings', 'team meeting']],
  // Coordinators: the figures of their units (PDCA, jaarverslag).
  ['insights', ['inzichten', 'insights', 'cijfers', 'figures']],
  // Coordinators: review the lessons handlers proposed for the team agenda.
  ['lessons', ['lessen', 'lessen beoordelen', 'geleerde lessen', 'lessons', 'review lessons', 'lessons learned']],
  ['welcome', ['help', 'hulp', 'hallo', 'hoi', 'hi', 'hello', 'start', 'menu', 'begin']],
];

/**
 * Reads a typed chat message (the manifest's commands send the same words). Mentions and
 * punctuation are ignored. Any other message, short or long, may be a report typed into the chat
 * ("mijn sergeant pest mij elke dag"): the bot then explains why it should go in the form instead.
 */
export function readChatCommand(text: string | undefined): ChatCommand {
  return readChatMessage(text).command;
}

/** Coordinators: "audit VM-7K3Q-9DX2" or "logboek VM-7K3Q-9DX2" asks for the case's audit record. */
const AUDIT_COMMAND = /^(?:audit|logboek)(?: (.*))?$/;

/** Like {@link readChatCommand}, with the case reference of an audit request. */
export function readChatMessage(text: string | undefined): ChatMessage {
  const plain = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[!?.,;:'"()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [command, words] of COMMANDS) {
    if (words.includes(plain)) return { command };
  }
  const audit = AUDIT_COMMAND.exec(plain);
  if (audit) {
    const reference = normalizeCaseReference(audit[1] ?? '');
    return reference ? { command: 'audit', reference } : { command: 'audit' };
  }
  return { command: plain === '' ? 'welcome' : 'notInChat' };
}
