import { renderCheckIn } from '../../../cards/checkIn';
import { stopCheckIns } from '../../app/aftercare/stopCheckIns';
import { NotFoundError } from '../../domain/errors';
import type { ChatVerb } from '../chatVerbs';
import { cardActionResponse } from '../invokeResponses';
import { opaqueIdSchema } from '../opaqueIdSchema';

/** The aftercare verbs of the check-in chat card. */
export const CHECK_IN_VERBS: Readonly<Record<string, ChatVerb>> = {
  /** "Stop these messages", in one press: the reporter's own case only (checked by the use case); the card then says they are stopped. */
  stopCheckIns: {
    handle: async (services, _context, turn, data) => {
      const parsed = opaqueIdSchema.safeParse(data.caseId);
      if (!parsed.success) throw new NotFoundError('no case id');
      const caseId = parsed.data;
      const view = await stopCheckIns(services, { kind: 'user', userId: turn.reporter.userId, caseId });
      return cardActionResponse(renderCheckIn({ locale: turn.locale, anonymous: false, caseId, reference: view.reference, stopped: true }));
    },
  },
};
