import { formatDate } from '../../cards/i18n';
import { renderMyCases } from '../../cards/myCases';
import { listMyCases } from '../app/reporter/listMyCases';
import type { Locale } from '../domain/locale';
import type { BotServices } from './botServices';

const LISTED = 10;

/** The reporter's own cases as a chat card: references, kinds, states, routes, deadlines and dates, a button each; no content. */
export async function myCasesCard(services: BotServices, userId: string, locale: Locale): Promise<object> {
  const page = await listMyCases(services, userId, { limit: LISTED });
  return renderMyCases({
    locale,
    cases: page.items.map((item) => ({
      caseId: item.caseId,
      reference: item.reference,
      kind: item.kind,
      state: item.state,
      receivedOn: formatDate(new Date(item.receivedAt), locale),
      route: item.route,
      nextDeadline: item.nextDeadline && { clock: item.nextDeadline.clock, due: formatDate(new Date(item.nextDeadline.dueAt), locale) },
    })),
    more: page.continuationToken !== undefined,
  });
}
