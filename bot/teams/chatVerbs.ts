import type { TurnContext } from '@microsoft/agents-hosting';
import { renderFeedback } from '../../cards/feedback';
import { renderHandlerTask } from '../../cards/handlerTask';
import { z } from 'zod';
import { acknowledgeFromTask, openHandlerTask } from '../app/cases/openHandlerTask';
import { feedbackFormReference } from '../app/reporter/feedbackFormReference';
import { answerExtensionConsent } from '../app/cases/extendComplaintDecision';
import { renderExtensionConsent } from '../../cards/extensionConsent';
import { formatDateTime } from '../../cards/i18n';
import { giveFeedback } from '../app/reporter/giveFeedback';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { BotServices } from './botServices';
import { CHECK_IN_VERBS } from './aftercare/checkInVerbs';
import { handlerTaskView } from './handlerTaskView';
import { cardActionResponse, type AdaptiveCardActionResponse } from './invokeResponses';
import { myCasesCard } from './myCasesCard';
import { opaqueIdSchema } from './opaqueIdSchema';
import { parseForm } from './parseForm';
import { REPORTER_FORM_INPUTS } from './reporterForms';
import type { TurnIdentity } from './turnIdentity';
import { welcomeCard } from './welcomeCard';

/**
 * A card verb's handler: parses the card's data, calls one use case, renders what it returns.
 * Who may call it, and where, is declared in `accessTable.ts` (an undeclared verb is refused);
 * finer checks (the assigned handler, the case's reporter) are made by the use case.
 */
export interface ChatVerb {
  handle(services: BotServices, context: TurnContext, turn: TurnIdentity, data: Readonly<Record<string, unknown>>): Promise<AdaptiveCardActionResponse>;
}

const caseCommandSchema = z.object({ caseId: opaqueIdSchema });

/** The case a card's button is about; a missing or malformed id is "no such case". */
function caseCommand(data: Readonly<Record<string, unknown>>): { caseId: string } {
  const parsed = caseCommandSchema.safeParse(data);
  if (!parsed.success) throw new NotFoundError('no case id');
  return { caseId: parsed.data.caseId };
}

/** Every `Action.Execute` verb of the chat cards, with who may call it. */
export const CHAT_VERBS: Readonly<Record<string, ChatVerb>> = {
  ...CHECK_IN_VERBS,
  showMyCases: {
    handle: async (services, _context, turn) => cardActionResponse(await myCasesCard(services, turn.reporter.userId, turn.locale)),
  },
  showWelcome: {
    handle: async (services, _context, turn) => cardActionResponse(await welcomeCard(services, turn)),
  },
  /**
   * The task card's refresh (Teams calls it for `refresh.userIds` when the card is viewed): the current state, or "not
   * for you". A card that came with news (the reporter answered, …) keeps its line: the refresh sends it back, and
   * only a known `handler.news.` key is shown (anything else is ignored, as the renderer does).
   */
  refreshCase: {
    handle: async (services, _context, turn, data) => {
      const task = await openHandlerTask(services, caseCommand(data), turn.reporter.userId);
      const news = typeof data.news === 'string' && data.news !== '' ? `handler.news.${data.news.slice(0, 40)}` : undefined;
      return cardActionResponse(renderHandlerTask(handlerTaskView(services, task, turn.locale, news)));
    },
  },
  acknowledgeCase: {
    handle: async (services, _context, turn, data) => {
      const task = await acknowledgeFromTask(services, caseCommand(data), turn.reporter.userId);
      return cardActionResponse(renderHandlerTask(handlerTaskView(services, task, turn.locale, task.acknowledged ? 'handler.done.acknowledged' : undefined)));
    },
  },
  consentExtension: {
    handle: async (services, _context, turn, data) => {
      const { caseId } = caseCommand(data);
      const { consent } = parseForm(REPORTER_FORM_INPUTS.extensionConsent, data);
      const answered = await answerExtensionConsent(services, { caseId, consent }, turn.reporter.userId);
      const proposedDue = answered.proposedDueAt ? formatDateTime(new Date(answered.proposedDueAt), turn.locale) : '';
      return cardActionResponse(renderExtensionConsent({ locale: turn.locale, caseId, reference: answered.reference, proposedDue, answered: answered.answer }));
    },
  },
  giveFeedback: {
    handle: async (services, _context, turn, data) => {
      const { caseId } = caseCommand(data);
      const credentials = { kind: 'user' as const, userId: turn.reporter.userId, caseId };
      try {
        const record = await giveFeedback(services, credentials, parseForm(REPORTER_FORM_INPUTS.feedback, data));
        return cardActionResponse(renderFeedback({ locale: turn.locale, caseId, reference: record.reference, answered: true }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const reference = await feedbackFormReference(services, credentials);
        return cardActionResponse(renderFeedback({ locale: turn.locale, caseId, reference, answered: false, errors: error.fields }));
      }
    },
  },
};
