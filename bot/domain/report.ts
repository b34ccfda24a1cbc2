/**
 * The vocabulary of a report (melding), from DOMAIN.md. Identifiers are English; the Dutch
 * words users see live in cards/locales.
 */

/** What happened. A report can touch several categories at once. */
export const CATEGORIES = [
  'bullying', // pesten
  'aggression', // agressie en geweld
  'sexual_harassment', // seksuele intimidatie
  'discrimination', // discriminatie
  'other_unwanted', // ander ongewenst gedrag / machtsmisbruik
  'integrity', // integriteitsschending
  'unsafe_situation', // onveilige situatie
] as const;
export type Category = (typeof CATEGORIES)[number];

/** What the reporter wants. */
export const REQUEST_KINDS = [
  'advice', // advies / gesprek met een vertrouwenspersoon
  'report', // melding
  'complaint', // klacht (klachtenregeling, Awb)
  'mediation', // bemiddeling (AGO)
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Who may know who reported. */
export const IDENTITY_MODES = [
  'named', // met naam
  'confidential', // vertrouwelijk: only the reporting desk knows
  'anonymous', // anoniem: nobody in the organisation
] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

export const MANAGER_INVOLVED = ['yes', 'no', 'rather_not_say'] as const;
export type ManagerInvolved = (typeof MANAGER_INVOLVED)[number];

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['what', 'want', 'identity', 'involved', 'details', 'support', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const DESCRIPTION_MAX_LENGTH = 10_000;
export const SHORT_TEXT_MAX_LENGTH = 2_000;
export const LOCATION_MAX_LENGTH = 200;

/** Everything the reporter answers; every field optional while the draft is being written. */
export interface ReportAnswers {
  categories?: Category[];
  kind?: RequestKind;
  /** For a melding: the reporter prefers the Meldpunt over their line manager. */
  preferMeldpunt?: boolean;
  identity?: IdentityMode;
  /** Roles and names of the people involved, free text. */
  involved?: string;
  managerInvolved?: ManagerInvolved;
  /** ISO date (YYYY-MM-DD), optional. */
  incidentDate?: string;
  location?: string;
  description?: string;
  wantsCounsellorContact?: boolean;
  immediateDanger?: boolean;
}

/** The answers of a report that passed every step. */
export type CompleteReport = Required<Pick<ReportAnswers, 'categories' | 'kind' | 'identity' | 'managerInvolved' | 'description'>> &
  Pick<ReportAnswers, 'involved' | 'incidentDate' | 'location' | 'preferMeldpunt' | 'wantsCounsellorContact' | 'immediateDanger'>;

/** The answer fields each step asks for (the review step asks none). */
export const STEP_FIELDS: Record<WizardStep, readonly (keyof ReportAnswers)[]> = {
  // Safety first: whether someone is in danger right now is asked before what happened.
  what: ['immediateDanger', 'categories'],
  want: ['kind', 'preferMeldpunt'],
  identity: ['identity'],
  involved: ['involved', 'managerInvolved'],
  details: ['incidentDate', 'location', 'description'],
  support: ['wantsCounsellorContact'],
  review: [],
};
