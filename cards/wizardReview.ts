import type { Locale } from '../bot/domain/locale';
import { STEP_FIELDS, WIZARD_STEPS, type ReportAnswers, type WizardStep } from '../bot/domain/report';
import { formatDate, messageKeyIn, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import template from './wizardReview.card.json';

/** The review step: a summary with "change" per section, then submit. Only ever rendered in a dialog. */
export interface WizardReviewView {
  locale: Locale;
  draftId: string;
  /** Goes into the submit button's `vm.submissionId` (see DialogAction). */
  submissionId: string;
  stepNumber: number;
  totalSteps: number;
  answers: ReportAnswers;
  /** A message key under `validation.` when submitting found a missing answer (then a goto button is shown). */
  error?: { key: string; step: WizardStep };
}

type InputStep = Exclude<WizardStep, 'review'>;

interface ReviewField {
  label: string;
  /** The answer as plain text (shown in a TextRun: markdown is not applied), or "not answered". */
  value: string;
  answered: boolean;
}

interface ReviewGroup {
  step: InputStep;
  title: string;
  fields: ReviewField[];
}

interface WizardReviewData {
  lang: Locale;
  draftId: string;
  submissionId: string;
  hasError: boolean;
  error: { title: string; text: string; step: string };
  text: Record<'progress' | 'title' | 'intro' | 'change' | 'goToStep' | 'back' | 'submit' | 'stop', string>;
  groups: ReviewGroup[];
}

const INPUT_STEPS = WIZARD_STEPS.filter((step): step is InputStep => step !== 'review');

function yesNo(locale: Locale, value: boolean | undefined): string {
  return t(locale, value ? 'common.yes' : 'common.no');
}

/** The answer to one field in words, or undefined when it was not answered. Choices show their localized names. */
function answerText(locale: Locale, answers: ReportAnswers, field: keyof ReportAnswers): string | undefined {
  switch (field) {
    case 'categories':
      return answers.categories?.length ? answers.categories.map((c) => t(locale, `categories.${c}.title`)).join(', ') : undefined;
    case 'kind':
      return answers.kind && t(locale, `kinds.${answers.kind}.title`);
    case 'identity':
      return answers.identity && t(locale, `identity.${answers.identity}.title`);
    case 'managerInvolved':
      return answers.managerInvolved && t(locale, `managerInvolved.${answers.managerInvolved}`);
    case 'incidentDate':
      return answers.incidentDate ? formatDate(answers.incidentDate, locale) : undefined;
    case 'involved':
    case 'location':
    case 'description':
      return answers[field] || undefined;
    case 'immediateDanger':
      // A yes/no question: unanswered stays "not answered".
      return answers.immediateDanger === undefined ? undefined : yesNo(locale, answers.immediateDanger);
    case 'preferMeldpunt':
    case 'wantsCounsellorContact':
      // A toggle that was never switched on means "no".
      return yesNo(locale, answers[field]);
  }
}

function group(locale: Locale, answers: ReportAnswers, step: InputStep): ReviewGroup {
  // The Meldpunt preference only matters for a melding: do not ask the reporter to check it otherwise.
  const fields = STEP_FIELDS[step].filter((field) => field !== 'preferMeldpunt' || answers.kind === 'report');
  return {
    step,
    title: t(locale, `review.groups.${step}`),
    fields: fields.map((field) => {
      const value = answerText(locale, answers, field);
      return { label: t(locale, `review.fields.${field}`), value: value ?? t(locale, 'common.notAnswered'), answered: value !== undefined };
    }),
  };
}

function errorData(view: WizardReviewView): WizardReviewData['error'] {
  const l = view.locale;
  if (!view.error) {
    return { title: '', text: '', step: '' };
  }
  const { key, step } = view.error;
  const groupName = step === 'review' ? t(l, 'review.title') : t(l, `review.groups.${step}`);
  return { title: t(l, 'review.incomplete', { group: groupName }), text: t(l, messageKeyIn('validation', key, 'validation.generic')), step };
}

function wizardReviewData(view: WizardReviewView): WizardReviewData {
  const l = view.locale;
  return {
    lang: l,
    draftId: view.draftId,
    submissionId: view.submissionId,
    hasError: view.error !== undefined,
    error: errorData(view),
    text: {
      progress: t(l, 'common.progress', { number: view.stepNumber, total: view.totalSteps }),
      title: t(l, 'review.title'),
      intro: t(l, 'review.intro'),
      change: t(l, 'review.change'),
      goToStep: t(l, 'review.goToStep'),
      back: t(l, 'common.back'),
      submit: t(l, 'review.submit'),
      stop: t(l, 'common.stop'),
    },
    groups: INPUT_STEPS.map((step) => group(l, view.answers, step)),
  };
}

/**
 * The review step (a dialog): every answer grouped per step, each group with a "change" button,
 * then Back, Send and Stop. What the reporter typed is shown as plain text. When submitting found
 * a missing answer, that message and a button to its step come first.
 */
export function renderWizardReview(view: WizardReviewView): AdaptiveCard {
  return renderCard(template, wizardReviewData(view));
}
