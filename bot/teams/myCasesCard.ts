import { formatDate } from '../../cards/i18n';
import { renderMyCases } from '../../cards/myCases';
import { listMyCases } from '../app/listMyCases';
import type { Locale } from '../domain/locale';
import type { BotServices } from './botServices';

const LISTED = 10;

/** The reporter's own cases as a chat card: references, kinds, states and dates only. */
export async function myCasesCard(services: BotServices, userId: string, locale: Locale): Promise<object> {
  const page = await listMyCases(services, userId, { limit: LISTED });
  return renderMyCases({
    locale,
    cases: page.items.map((item) => ({ reference: item.reference, kind: item.kind, state: item.state, receivedOn: formatDate(new Date(item.receivedAt), locale) })),
    more: page.continuationToken !== undefined,
  });
}
