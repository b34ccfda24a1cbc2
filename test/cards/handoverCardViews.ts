/**
 * Realistic and edge-case views for the handover cards (the chat notice with its dialog button,
 * the handover dialog), and those cards rendered from them: part of the every-card matrix (see
 * `cardViews.ts`).
 */
import type { Locale } from '../../bot/domain/locale';
import { renderHandover } from '../../cards/handover';
import { renderNotice } from '../../cards/notice';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { HandoverOutcome, HandoverView } from '../../cards/handover';
import type { PersonChoice } from '../../cards/personChoice';
// Type only: cardViews imports this file, so a value import back would be circular.
import type { RenderedCase } from './cardViews';

/** Demo people: the coordinator of CLAS (Anouk), the handler who leaves (Jeroen), his successor (Lotte). */
export const ANOUK: PersonChoice = { id: '00000000-0000-4000-8000-000000000008', name: 'Anouk Meijer' };
export const JEROEN: PersonChoice = { id: '00000000-0000-4000-8000-000000000014', name: 'Jeroen van den Berg' };
export const LOTTE: PersonChoice = { id: '00000000-0000-4000-8000-000000000013', name: 'Lotte Peters' };
export const SOME_PEOPLE: PersonChoice[] = [ANOUK, JEROEN, LOTTE, { id: '00000000-0000-4000-8000-000000000015', name: 'Daan Willems' }];

/** `count` people with long names (a large command), more than a picker lists. */
export function manyPeople(count: number): PersonChoice[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(1000 + i).padStart(12, '0')}`,
    name: `Kapitein-luitenant ter zee Maximiliaan Alexander van Oldenbarnevelt-Ëtienne ${i + 1}`,
  }));
}

/** A realistic outcome: two to the successor, one to the Meldpunt, none left. */
export const SOME_OUTCOME: HandoverOutcome = {
  fromName: JEROEN.name,
  toName: LOTTE.name,
  toSuccessor: 2,
  toFallback: 1,
  notMoved: 0,
};

/** The coordinator's empty form; override what the test is about. */
export function handoverView(locale: Locale, overrides: Partial<HandoverView> = {}): HandoverView {
  return { locale, coordinator: true, self: ANOUK, fromChoices: SOME_PEOPLE, toChoices: SOME_PEOPLE, errors: {}, ...overrides };
}

/** The form of someone who is not a coordinator: their own cases only. */
export function ownHandoverView(locale: Locale, overrides: Partial<HandoverView> = {}): HandoverView {
  return handoverView(locale, { coordinator: false, self: JEROEN, fromChoices: [JEROEN], toChoices: [LOTTE], ...overrides });
}

/** Every handover card in its realistic and edge variants, in one language. */
export function handoverCards(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (template: string, surface: RenderedCase['surface'], name: string, card: AdaptiveCard) =>
    cases.push({ name: `${template} ${name} (${locale})`, card, locale, surface, wizard: false, template });

  add('notice', 'chat', 'handover', renderNotice({ locale, titleKey: 'notices.handover.title', textKey: 'notices.handover.text', openDialog: { dialog: 'handover', titleKey: 'handover.open' } }));

  add('handover', 'dialog', 'coordinator, empty', renderHandover(handoverView(locale)));
  add('handover', 'dialog', 'coordinator, chosen', renderHandover(handoverView(locale, { fromPerson: JEROEN.id, toPerson: LOTTE.id })));
  add('handover', 'dialog', 'coordinator, both errors', renderHandover(handoverView(locale, { fromPerson: JEROEN.id, errors: { fromPerson: 'handoverNotAllowed', toPerson: 'pickSuccessor' } })));
  add('handover', 'dialog', 'coordinator, most people', renderHandover(handoverView(locale, { fromChoices: manyPeople(400), toChoices: manyPeople(400), errors: { fromPerson: 'pickPerson', toPerson: 'sameAsHandler' } })));
  add('handover', 'dialog', 'own cases, empty', renderHandover(ownHandoverView(locale)));
  add('handover', 'dialog', 'own cases, nobody to list', renderHandover(ownHandoverView(locale, { fromChoices: [], toChoices: [] })));
  add('handover', 'dialog', 'own cases, refused', renderHandover(ownHandoverView(locale, { toPerson: LOTTE.id, errors: { fromPerson: 'handoverNotAllowed' } })));
  add('handover', 'dialog', 'done', renderHandover(handoverView(locale, { result: SOME_OUTCOME })));
  add('handover', 'dialog', 'done, nothing open', renderHandover(handoverView(locale, { result: { ...SOME_OUTCOME, toSuccessor: 0, toFallback: 0 } })));
  add(
    'handover',
    'dialog',
    'done, many cases and some not moved',
    renderHandover(handoverView(locale, { result: { ...SOME_OUTCOME, toSuccessor: 900, toFallback: 300, notMoved: 150 } })),
  );
  return cases;
}
