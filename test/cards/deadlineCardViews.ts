/**
 * Realistic and edge-case views for the deadline cards (the complainant's consent to a second
 * postponement, the coordinator's weekly digest), and those cards rendered from them: part of the
 * every-card matrix (see `cardViews.ts`).
 */
import type { Locale } from '../../bot/domain/locale';
import { renderCoordinatorDigest } from '../../cards/coordinatorDigest';
import { renderExtensionConsent } from '../../cards/extensionConsent';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { CoordinatorDigestView, DigestUnitLine } from '../../cards/coordinatorDigest';
import type { ExtensionConsentView } from '../../cards/extensionConsent';
// Type only: cardViews imports this file, so a value import back would be circular.
import type { RenderedCase } from './cardViews';
import { CASE_ID, REFERENCE } from './caseCardViews';

export const WEEK = 'week 49 (30 november – 6 december 2026)';
export const TAB_URL = 'https://teams.microsoft.com/l/entity/9f1c2a9e-6b20-4c8e-9a3f-6d5b7e1c2a90/overzicht?context=%7B%22subEntityId%22%3A%22digest%22%7D';

/** The most units a digest is tested with, each with a long name: a coordinator over a large command. */
export const MOST_UNITS = 40;

/** The consent card, not yet answered; override what the test is about. */
export function extensionConsentView(locale: Locale, overrides: Partial<ExtensionConsentView> = {}): ExtensionConsentView {
  return { locale, caseId: CASE_ID, reference: REFERENCE, proposedDue: '20 juni 2025', ...overrides };
}

/** Three units: one quiet, one with deadlines this week, one with passed deadlines. */
export const SOME_UNITS: DigestUnitLine[] = [
  { unitName: '11 Luchtmobiele Brigade', open: 4, dueThisWeek: 0, overdue: 0 },
  { unitName: 'Defensie Ondersteuningscommando', open: 12, dueThisWeek: 3, overdue: 0 },
  { unitName: 'Commando Zeestrijdkrachten', open: 1250, dueThisWeek: 7, overdue: 2 },
];

/** `count` units with long names and four-digit counts. */
export function manyUnits(count: number): DigestUnitLine[] {
  return Array.from({ length: count }, (_, i) => ({
    unitName: `${i + 1}e Infanteriebataljon Garderegiment Grenadiers en Jagers — Legerplaats Oirschot, Staf- en Ondersteuningscompagnie`,
    open: 1000 + i,
    dueThisWeek: 100 + i,
    overdue: i % 3 === 0 ? 1000 + i : 0,
  }));
}

/** A digest of some units without a tab; override what the test is about. */
export function digestView(locale: Locale, overrides: Partial<CoordinatorDigestView> = {}): CoordinatorDigestView {
  return { locale, week: WEEK, units: SOME_UNITS, ...overrides };
}

/** Every deadline card in its realistic and edge variants, in one language. */
export function deadlineCards(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (template: string, name: string, card: AdaptiveCard) =>
    cases.push({ name: `${template} ${name} (${locale})`, card, locale, surface: 'chat', wizard: false, template });

  add('extensionConsent', 'open', renderExtensionConsent(extensionConsentView(locale)));
  add('extensionConsent', 'open, date as ISO', renderExtensionConsent(extensionConsentView(locale, { proposedDue: '2025-06-20' })));
  add('extensionConsent', 'answered yes', renderExtensionConsent(extensionConsentView(locale, { answered: 'yes' })));
  add('extensionConsent', 'answered no', renderExtensionConsent(extensionConsentView(locale, { answered: 'no' })));

  add('coordinatorDigest', 'some units, no tab', renderCoordinatorDigest(digestView(locale)));
  add('coordinatorDigest', 'some units, with tab', renderCoordinatorDigest(digestView(locale, { tabUrl: TAB_URL })));
  add('coordinatorDigest', 'no units', renderCoordinatorDigest(digestView(locale, { units: [] })));
  add('coordinatorDigest', 'most units, with tab', renderCoordinatorDigest(digestView(locale, { units: manyUnits(MOST_UNITS), tabUrl: TAB_URL })));
  return cases;
}
