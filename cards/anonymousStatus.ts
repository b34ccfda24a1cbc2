import type { Locale } from '../bot/domain/locale';
import template from './anonymousStatus.card.json';
import { displayDate } from './displayDate';
import { messageKeyIn, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { RequestKind } from '../bot/domain/report';
import type { CaseState } from '../bot/domain/caseLifecycle';

/** Dialog to ask status of an anonymous report with reference + secret. */
export interface AnonymousStatusView {
  locale: Locale;
  reference?: string;
  /** Locale key under `validation.` when the reference/secret did not match. */
  error?: string;
  /** After a successful check: the case's state. */
  result?: { reference: string; kind: RequestKind; state: CaseState; receivedOn: string };
}

interface AnonymousStatusData {
  lang: Locale;
  showForm: boolean;
  showResult: boolean;
  /** The reference typed before, so the reporter need not type it again. Never the secret. */
  reference: string;
  hasError: boolean;
  error: string;
  result: { reference: string; kindTitle: string; stateTitle: string; stateHint: string; receivedOn: string };
  text: Record<
    | 'title'
    | 'intro'
    | 'referenceLabel'
    | 'referencePlaceholder'
    | 'referenceError'
    | 'secretLabel'
    | 'secretError'
    | 'lostSecret'
    | 'check'
    | 'close'
    | 'resultTitle'
    | 'reference'
    | 'kind'
    | 'state'
    | 'receivedOn',
    string
  >;
}

const NO_RESULT: AnonymousStatusData['result'] = { reference: '', kindTitle: '', stateTitle: '', stateHint: '', receivedOn: '' };

function errorText(locale: Locale, key: string | undefined): string {
  if (!key) {
    return '';
  }
  // "required" alone would say "fill this in" without saying what: name both fields.
  if (key === 'required' || key === 'validation.required') {
    return t(locale, 'anonymousStatus.bothRequired');
  }
  return t(locale, messageKeyIn('validation', key, 'validation.referenceOrSecretWrong'));
}

/**
 * The dialog to follow an anonymous report: a form for reference and secret code (inputs
 * `reference` and `secret`), with the error when they did not match; or, after a successful check,
 * the report's kind, state and date received.
 */
export function renderAnonymousStatus(view: AnonymousStatusView): AdaptiveCard {
  const l = view.locale;
  const result = view.result;
  const data: AnonymousStatusData = {
    lang: l,
    showForm: result === undefined,
    showResult: result !== undefined,
    reference: view.reference ?? '',
    hasError: Boolean(view.error),
    error: errorText(l, view.error),
    result: result
      ? {
          reference: result.reference,
          kindTitle: t(l, `kinds.${result.kind}.title`),
          stateTitle: t(l, `states.${result.state}.title`),
          stateHint: t(l, `states.${result.state}.hint`),
          receivedOn: displayDate(result.receivedOn, l),
        }
      : NO_RESULT,
    text: {
      title: t(l, 'anonymousStatus.title'),
      intro: t(l, 'anonymousStatus.intro'),
      referenceLabel: t(l, 'anonymousStatus.referenceLabel'),
      referencePlaceholder: t(l, 'anonymousStatus.referencePlaceholder'),
      referenceError: t(l, 'anonymousStatus.referenceError'),
      secretLabel: t(l, 'anonymousStatus.secretLabel'),
      secretError: t(l, 'anonymousStatus.secretError'),
      lostSecret: t(l, 'anonymousStatus.lostSecret'),
      check: t(l, 'anonymousStatus.check'),
      close: t(l, 'common.close'),
      resultTitle: t(l, 'anonymousStatus.resultTitle'),
      reference: t(l, 'anonymousStatus.reference'),
      kind: t(l, 'anonymousStatus.kind'),
      state: t(l, 'anonymousStatus.state'),
      receivedOn: t(l, 'anonymousStatus.receivedOn'),
    },
  };
  return renderCard(template, data);
}
