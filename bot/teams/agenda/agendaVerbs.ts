import { CardFactory, type TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { TopicCardView, TopicFormField } from '../../../cards/topic';
import { changeTeamAction } from '../../app/agenda/changeTeamAction';
import { findPosting } from '../../app/agenda/findPosting';
import { findOrInstallTeam } from '../../app/agenda/installTeam';
import { openActionTask } from '../../app/agenda/actionTask';
import { recordTopicDiscussed, replaceTopic, skipTopic, type TeamMemberTurn, type TopicOutcome } from '../../app/agenda/recordTopicOutcome';
import { saveTeamSettings } from '../../app/agenda/saveTeamSettings';
import type { TeamRecord } from '../../app/agenda/agendaPorts';
import { ACTION_SLOTS, SKIP_REASON_MAX_LENGTH } from '../../domain/agenda/topicFormLimits';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import type { Locale } from '../../domain/locale';
import type { BotServices } from '../botServices';
import { cardActionResponse, type AdaptiveCardActionResponse } from '../invokeResponses';
import { opaqueIdSchema } from '../opaqueIdSchema';
import { parseForm } from '../parseForm';
import type { TurnIdentity } from '../turnIdentity';
import { actionNewDateForm, teamSettingsForm, topicDiscussedForm } from './agendaForms';
import { actionTaskCard } from './actionTaskCard';
import { channelReference, teamOfTurn } from './teamChannel';
import { teamSettingsCard } from './teamSettingsCard';
import { topicCard } from './topicCard';

type Data = Readonly<Record<string, unknown>>;

/** A verb of the agenda cards (in a team channel, or the action owner's 1:1 chat: see accessTable.ts). */
export interface AgendaVerb {
  handle(services: BotServices, context: TurnContext, turn: TurnIdentity, data: Data): Promise<AdaptiveCardActionResponse>;
}

const TOPIC_FORM_FIELDS: readonly TopicFormField[] = [
  'notes',
  'skipReason',
  ...ACTION_SLOTS.flatMap((slot) => (['Text', 'Owner', 'Due'] as const).map((part) => `action${slot}${part}` as TopicFormField)),
];

const postingCommand = z.object({ postingId: z.string().min(1).max(100) });

/** The posting a topic card's button is about; anything else is "no such topic". */
function postingIdOf(data: Data): string {
  const parsed = postingCommand.safeParse(data);
  if (!parsed.success) throw new NotFoundError('posting');
  return parsed.data.postingId;
}

/** "Deze keer overslaan": the optional reason, trimmed ('' for none). */
const skipForm = z.object({
  skipReason: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().max(SKIP_REASON_MAX_LENGTH, { error: 'tooLong' })),
});

function topicForm(data: Data): TopicCardView['form'] {
  const form: Partial<Record<TopicFormField, string>> = {};
  for (const field of TOPIC_FORM_FIELDS) if (typeof data[field] === 'string') form[field] = (data[field] as string).slice(0, 600);
  return form;
}

/** The team of a channel turn, installing it when the bot was added before it knew about teams. */
async function teamOf(services: BotServices, context: TurnContext): Promise<TeamRecord> {
  const team = teamOfTurn(context);
  if (!team) throw new ForbiddenError('not in a team channel');
  return findOrInstallTeam(services, { ...team, conversation: channelReference(context) });
}

function memberTurn(team: TeamRecord, turn: TurnIdentity): TeamMemberTurn {
  return { teamId: team.teamId, userId: turn.reporter.userId, name: turn.reporter.name };
}

function cardLocale(team: TeamRecord, turn: TurnIdentity): Locale {
  return team.settings?.locale ?? turn.locale;
}

/**
 * Teams shows the card an `Action.Execute` returns only to the person who pressed it; the channel
 * message itself is replaced here so that everyone in the channel sees the team's new state (who
 * recorded "discussed", the actions, another topic). A card that comes back with errors and what
 * someone typed is never shared. A failure is logged and leaves the old card for the others.
 */
async function shareWithChannel(services: BotServices, context: TurnContext, card: object): Promise<void> {
  const messageId = context.activity.replyToId;
  if (!messageId) return;
  try {
    await context.updateActivity({ type: 'message', id: messageId, conversation: context.activity.conversation, attachments: [CardFactory.adaptiveCard(card)] } as Parameters<TurnContext['updateActivity']>[0]);
  } catch (error) {
    services.logger.warn('agenda.channel_update_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
  }
}

async function topicResponse(services: BotServices, outcome: TopicOutcome, locale: Locale, options: { form?: TopicCardView['form']; errors?: TopicCardView['errors'] } = {}): Promise<AdaptiveCardActionResponse> {
  const card = await topicCard(services, outcome.team, outcome.posting, locale, options);
  if (!card) throw new NotFoundError('topic');
  return cardActionResponse(card);
}

/** Runs a topic-card verb; invalid input brings the same card back with the entries and the messages. */
async function onTopic(
  services: BotServices,
  context: TurnContext,
  turn: TurnIdentity,
  data: Data,
  run: (team: TeamRecord, member: TeamMemberTurn) => Promise<TopicOutcome>,
): Promise<AdaptiveCardActionResponse> {
  const team = await teamOf(services, context);
  const locale = cardLocale(team, turn);
  try {
    const response = await topicResponse(services, await run(team, memberTurn(team, turn)), locale);
    await shareWithChannel(services, context, response.value as object);
    return response;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const posting = findPosting(team, postingIdOf(data));
    return topicResponse(services, { team, posting }, locale, { form: topicForm(data), errors: error.fields as TopicCardView['errors'] });
  }
}

type ActionNews = 'assigned' | 'reminder' | 'done' | 'newDate';

async function onAction(services: BotServices, turn: TurnIdentity, data: Data, run: (actionId: string) => Promise<{ news?: ActionNews }>): Promise<AdaptiveCardActionResponse> {
  const parsed = opaqueIdSchema.safeParse(data.actionId);
  if (!parsed.success) throw new NotFoundError('action');
  const actionId = parsed.data;
  let news: ActionNews | undefined;
  let errors: Record<string, string> | undefined;
  let notForYou = false;
  try {
    news = (await run(actionId)).news;
  } catch (error) {
    if (error instanceof ValidationError) errors = { ...error.fields };
    else if (error instanceof ForbiddenError) notForYou = true;
    else throw error;
  }
  const task = await openActionTask(services, { actionId }, notForYou ? '' : turn.reporter.userId);
  return cardActionResponse(
    actionTaskCard(services, task, turn.locale, {
      news,
      errors,
      newDate: typeof data.newDate === 'string' ? data.newDate.slice(0, 20) : undefined,
    }),
  );
}

/** The agenda's card verbs (declared in accessTable.ts; the use cases check owners, coordinators and action owners). */
export const AGENDA_VERBS: Readonly<Record<string, AgendaVerb>> = {
  openTeamSettings: {
    handle: async (services, context, turn) => {
      const team = await teamOf(services, context);
      return cardActionResponse(await teamSettingsCard(services, team, { viewerUserId: turn.reporter.userId, locale: cardLocale(team, turn) }));
    },
  },
  saveTeamSettings: {
    handle: async (services, context, turn, data) => {
      const team = await teamOf(services, context);
      const viewer = { viewerUserId: turn.reporter.userId };
      try {
        const saved = await saveTeamSettings(services, team.teamId, turn.reporter.userId, parseForm(teamSettingsForm, data), channelReference(context));
        const card = await teamSettingsCard(services, saved.team, { ...viewer, locale: saved.settings.locale, justSaved: true });
        await shareWithChannel(services, context, card);
        return cardActionResponse(card);
      } catch (error) {
        if (error instanceof ValidationError) {
          return cardActionResponse(await teamSettingsCard(services, team, { ...viewer, locale: cardLocale(team, turn), entered: data, errors: error.fields }));
        }
        // Not an owner or coordinator: the card says who can.
        if (error instanceof ForbiddenError) return cardActionResponse(await teamSettingsCard(services, team, { ...viewer, locale: cardLocale(team, turn) }));
        throw error;
      }
    },
  },
  topicDiscussed: {
    handle: (services, context, turn, data) => onTopic(services, context, turn, data, (_team, member) => recordTopicDiscussed(services, member, postingIdOf(data), parseForm(topicDiscussedForm, data))),
  },
  topicOther: {
    handle: (services, context, turn, data) => onTopic(services, context, turn, data, (_team, member) => replaceTopic(services, member, postingIdOf(data))),
  },
  topicSkipped: {
    handle: (services, context, turn, data) => onTopic(services, context, turn, data, (_team, member) => skipTopic(services, member, { postingId: postingIdOf(data), ...parseForm(skipForm, data) })),
  },
  actionDone: {
    handle: (services, _context, turn, data) =>
      onAction(services, turn, data, async (actionId) => {
        await changeTeamAction(services, actionId, turn.reporter.userId, { kind: 'done' });
        return { news: 'done' };
      }),
  },
  actionNewDate: {
    handle: (services, _context, turn, data) =>
      onAction(services, turn, data, async (actionId) => {
        await changeTeamAction(services, actionId, turn.reporter.userId, { kind: 'newDate', date: parseForm(actionNewDateForm, data).newDate });
        return { news: 'newDate' };
      }),
  },
  // Teams' refresh as the owner views the card: the current state, with the line the card was delivered with
  // (assigned, reminder) sent back by the refresh; any other value shows none.
  refreshAction: {
    handle: (services, _context, turn, data) => onAction(services, turn, data, async () => ({ news: data.news === 'assigned' || data.news === 'reminder' ? data.news : undefined })),
  },
};
