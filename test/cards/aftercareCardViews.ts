import { loadHelpContacts } from '../../bot/help/loadHelpContacts';
import type { Locale } from '../../bot/domain/locale';
import { renderCheckIn } from '../../cards/checkIn';
import { renderCheckInDialog } from '../../cards/checkInDialog';
import { renderHandlerTask } from '../../cards/handlerTask';
import { handlerTaskView } from './caseCardViews';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { RenderedCase } from './cardViews';

const HELP = loadHelpContacts('config/help.demo.json');

/** The aftercare check-in: the chat card (named, anonymous, stopped) and the dialog in each state. */
export function aftercareCards(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (template: string, surface: RenderedCase['surface'], name: string, card: AdaptiveCard) =>
    cases.push({ name: `${template} ${name} (${locale})`, card, locale, surface, wizard: false, template });
  add('checkIn', 'chat', 'named', renderCheckIn({ locale, anonymous: false, caseId: 'case-7Kq3', reference: 'VM-7K3Q-9DX2' }));
  add('checkIn', 'chat', 'anonymous', renderCheckIn({ locale, anonymous: true }));
  add('checkIn', 'chat', 'stopped', renderCheckIn({ locale, anonymous: false, caseId: 'case-7Kq3', reference: 'VM-7K3Q-9DX2', stopped: true }));
  add('checkInDialog', 'dialog', 'named form', renderCheckInDialog({ locale, state: 'form', caseId: 'case-7Kq3', help: HELP }));
  add('checkInDialog', 'dialog', 'anonymous form with every error', renderCheckInDialog({
    locale,
    state: 'form',
    reference: 'VM-7K3Q-9DX2',
    answer: 'concerns',
    text: 'é'.repeat(2_000),
    errors: { answer: 'pickCheckInAnswer', text: 'checkInTextTooLong', credentials: 'referenceOrSecretWrong' },
  }));
  add('checkInDialog', 'dialog', 'answered', renderCheckInDialog({ locale, state: 'answered', help: HELP }));
  add('handlerTask', 'chat', 'retaliation case', renderHandlerTask(handlerTaskView(locale, { retaliation: true })));
  add('checkInDialog', 'dialog', 'stopped', renderCheckInDialog({ locale, state: 'stopped', caseId: 'case-7Kq3' }));
  return cases;
}
