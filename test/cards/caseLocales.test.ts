import { HANDLER_FORM_INPUTS } from '../../bot/teams/handlerForms';
import { parseForm } from '../../bot/teams/parseForm';
import type { RoutingRule } from '../../bot/domain/chooseRoute';
import { LOCALES } from '../../bot/domain/locale';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { isMessageKey, t } from '../../cards/i18n';
import { HANDLER_OUTCOMES } from '../../bot/domain/caseLifecycle';
import { HANDLER_ROLES } from '../../bot/domain/chooseRoute';

/** Every routing rule: a Record, so that a new rule in the domain fails to compile here until it has words. */
const ROUTING_RULES: Record<RoutingRule, true> = {
  r1_advice: true,
  r2_complaint: true,
  r3_mediation: true,
  r4_not_named: true,
  r5_manager_involved: true,
  r6_serious_category: true,
  r7_unsafe_situation_only: true,
  r8_reporter_chose_meldpunt: true,
  r8_line: true,
};

const HISTORY_EVENTS = [
  'submitted',
  'routed',
  'assigned',
  'acknowledged',
  'update_sent',
  'question_asked',
  'answered',
  'information_added',
  'reassigned',
  'closed',
  'withdrawn',
  'content_opened',
  'feedback_given',
  'escalated',
  'decision_extended',
  'extension_consent_asked',
  'extension_consented',
  'extension_refused',
  'identity_requested',
  'identity_accepted',
  'identity_refused',
  'identity_shown',
];

const CLOCKS = ['acknowledge', 'feedback', 'decision', 'contact', 'firstUpdate'];

const HANDLER_DONE = ['acknowledged', 'updateSent', 'questionSent', 'reassigned', 'closed', 'extended', 'extensionConsentAsked', 'identityRequested'];

const HANDLER_NEWS = ['answered', 'information', 'withdrawn', 'reminder', 'extensionConsented', 'extensionRefused', 'identityAccepted', 'identityRefused'];

const MESSAGE_KINDS = ['update', 'question', 'answer', 'information', 'closing', 'extension', 'identityRequest'];

/** Validation keys the case use cases raise (bot/app), shown next to the field they name. */
const CASE_VALIDATION = [
  'messageRequired',
  'tooLong',
  'invalidValue',
  'pickRole',
  'pickOutcome',
  'pickOneToFive',
  'notAllowed',
  'noEligibleHolder',
  'personExcluded',
  'notYourself',
  'outsideUnitTree',
  'unknownPerson',
  'daysOutOfRange',
  'reasonRequired',
  'invalidChoice',
  'identityReasonTooLong',
  'identityRequestPending',
];

describe('locale keys for handling a case', () => {
  it('when the domain has a role, outcome, routing rule, history event or clock, then it has words', () => {
    const keys = [
      ...HANDLER_ROLES.map((role) => `roles.${role}`),
      ...[...HANDLER_OUTCOMES, 'withdrawn'].map((outcome) => `outcomes.${outcome}`),
      ...HANDLER_OUTCOMES.map((outcome) => `handler.action.outcomeHints.${outcome}`),
      ...Object.keys(ROUTING_RULES).map((rule) => `routing.${rule}`),
      ...HISTORY_EVENTS.map((event) => `history.${event}`),
      ...CLOCKS.map((clock) => `clocks.${clock}`),
      ...HANDLER_DONE.map((done) => `handler.done.${done}`),
      ...HANDLER_NEWS.map((news) => `handler.news.${news}`),
      ...MESSAGE_KINDS.map((kind) => `caseThread.kinds.${kind}`),
      ...CASE_VALIDATION.map((key) => `validation.${key}`),
      'reporter.sent',
      'reporter.identityAccepted',
      'reporter.identityRefused',
    ];
    for (const key of keys) expect([key, isMessageKey(key)]).toEqual([key, true]);
  });

  it('when the roles are named in Dutch, then they are the names people know', () => {
    expect(HANDLER_ROLES.map((role) => t('nl', `roles.${role}`))).toEqual([
      'vertrouwenspersoon',
      'klachtencoördinator',
      'AGO (bemiddeling)',
      'Meldpunt Integriteit Defensie',
      'veiligheidsfunctionaris',
      'leidinggevende',
    ]);
  });

  it.each(LOCALES)('when a routing reason is read in %s, then it is one sentence', (locale) => {
    for (const rule of Object.keys(ROUTING_RULES)) {
      const text = t(locale, `routing.${rule as RoutingRule}`);
      const sentences = text.split(/[.!?](?:\s|$)/).filter((part) => part.trim() !== '');
      expect([rule, sentences.length]).toEqual([rule, 1]);
      expect([rule, text.endsWith('.')]).toEqual([rule, true]);
    }
  });

  it('when a message is as long as the cards allow, then the bot accepts it, and one character more is refused as too long', () => {
    expect(parseForm(HANDLER_FORM_INPUTS.update, { message: 'x'.repeat(CASE_MESSAGE_MAX_LENGTH) }).message).toHaveLength(CASE_MESSAGE_MAX_LENGTH);
    expect(() => parseForm(HANDLER_FORM_INPUTS.update, { message: 'x'.repeat(CASE_MESSAGE_MAX_LENGTH + 1) })).toThrow(expect.objectContaining({ fields: { message: 'tooLong' } }));
  });
});
