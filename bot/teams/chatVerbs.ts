import type { TurnContext } from '@microsoft/agents-hosting';
import { renderFeedback } from '../../cards/feedback';
import { renderHandlerTask } from '../../cards/handlerTask';
import { acknowledgeCase } from '../app/acknowledgeCase';
import { answerExtensionConsent } from '../app/extendComplaintDecision';
import { renderExtensionConsent } from '../../cards/extensionConsent';
import { formatDateTime } from '../../cards/i18n';
import { giveFeedback } from '../app/giveFeedback';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { BotServices } from './botServices';
import { CHECK_IN_VERBS } from './aftercare/checkInVerbs';
import { handlerTaskView } from './handlerTaskView';
import { userMri } from './userMri';
import { cardActionResponse, type AdaptiveCardActionResponse } from './invokeResponses';
import { myCasesCard } from './myCasesCard';
import type { TurnIdentity } from './turnIdentity';
import { welcomeCard } from './welcomeCard';

/**
 * A card verb's handler. Who may call it, and where, is declared in `accessTable.ts` (an
 * undeclared verb is refused); finer checks (the assigned handler, the case's reporter) are made
 * by the use case on the case itself.
 */
export interface ChatVerb {
  handle(services: BotServices, context: TurnContext, turn: TurnIdentity, data: Readonly<Record<string, unknown>>): Promise<AdaptiveCardActionResponse>;
}

function caseIdOf(data: Readonly<Record<string, unknown>>): string {
  if (typeof data.caseId !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(data.caseId)) throw new NotFoundError('no case id');
  return data.caseId;
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
  /** The task card's refresh (Teams calls it for `refresh.userIds` when the card is viewed): the current state, or "not for you". */
  refreshCase: {
    handle: async (services, _context, turn, data) => {
      const stored = await services.repos.cases.get(caseIdOf(data));
      if (!stored) throw new NotFoundError('case');
      return cardActionResponse(renderHandlerTask(handlerTaskView(services, stored.value, turn.locale, { viewerUserId: turn.reporter.userId, handlerMri: await userMri(services, turn.reporter.userId) })));
    },
  },
  acknowledgeCase: {
    handle: async (services, _context, turn, data) => {
      const stored = await services.repos.cases.get(caseIdOf(data));
      if (!stored) throw new NotFoundError('case');
      const view = handlerTaskView(services, stored.value, turn.locale, { viewerUserId: turn.reporter.userId, handlerMri: await userMri(services, turn.reporter.userId) });
      if (view.notForYou) return cardActionResponse(renderHandlerTask(view));
      const record = await acknowledgeCase(services, stored.value.id, turn.reporter.userId);
      return cardActionResponse(
        renderHandlerTask(handlerTaskView(services, record, turn.locale, { viewerUserId: turn.reporter.userId, doneKey: 'handler.done.acknowledged', handlerMri: await userMri(services, turn.reporter.userId) })),
      );
    },
  },
  consentExtension: {
    handle: async (services, _context, turn, data) => {
      const caseId = caseIdOf(data);
      const stored = await services.repos.cases.get(caseId);
      const proposed = stored?.value.pendingExtension?.proposedDueAt;
      const answered = await answerExtensionConsent(services, caseId, turn.reporter.userId, data.consent);
      return cardActionResponse(
        renderExtensionConsent({ locale: turn.locale, caseId, reference: stored?.value.reference ?? '', proposedDue: proposed ? formatDateTime(new Date(proposed), turn.locale) : '', answered }),
      );
    },
  },
  giveFeedback: {
    handle: async (services, _context, turn, data) => {
      const caseId = caseIdOf(data);
      const credentials = { kind: 'user' as const, userId: turn.reporter.userId, caseId };
      try {
        const record = await giveFeedback(services, credentials, { takenSeriously: data.takenSeriously, wouldReportAgain: data.wouldReportAgain });
        return cardActionResponse(renderFeedback({ locale: turn.locale, caseId, reference: record.reference, answered: true }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const stored = await services.repos.cases.get(caseId);
        return cardActionResponse(renderFeedback({ locale: turn.locale, caseId, reference: stored?.value.reference ?? '', answered: false, errors: error.fields }));
      }
    },
  },
};
