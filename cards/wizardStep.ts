import type { Locale } from '../bot/domain/locale';
import {
  CATEGORIES,
  DESCRIPTION_MAX_LENGTH,
  IDENTITY_MODES,
  MANAGER_INVOLVED,
  REQUEST_KINDS,
  type ReportAnswers,
  type WizardStep,
} from '../bot/domain/report';
import { dangerHelpText, type DangerHelpText } from './dangerHelpText';
import { fieldError, type FieldErrorData } from './fieldError';
import { formatNumber, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import template from './wizardStep.card.json';

/** One step of the report wizard, shown in a dialog. */
export interface WizardStepView {
  locale: Locale;
  draftId: string;
  step: Exclude<WizardStep, 'review'>;
  /** 1-based position, and the number of steps including review (7). */
  stepNumber: number;
  totalSteps: number;
  /** What the user entered so far: inputs show these values. */
  answers: ReportAnswers;
  /** Field name → locale key under `validation.` for a message shown next to that field. */
  errors: Partial<Record<keyof ReportAnswers, string>>;
  /** The step is shown after the reporter said someone is in immediate danger: show where to get help first. */
  showDangerHelp: boolean;
  /** Resumed from an earlier session: show a short "welcome back, we kept your answers" line. */
  resumed: boolean;
  /** The card pressed was older than the draft: say this is the latest draft instead. */
  stale?: boolean;
  /** Opened with "Wijzig" on the review: Next (and Back) return to the review. */
  returnTo?: 'review';
}

type InputStep = Exclude<WizardStep, 'review'>;

/** One input as card data. Unused texts are empty strings so that no `${...}` is left unexpanded. */
interface FieldData extends FieldErrorData {
  label: string;
  /** The value the input starts with, as the card sends it back (toggles "true"/"false", categories comma-separated). */
  value: string;
  placeholder: string;
  /** Shown by Teams when a required input is left empty. */
  errorMessage: string;
  /** Explanation shown with the input. */
  hint: string;
  /** The text next to a toggle. */
  title: string;
}

interface Choice {
  value: string;
  title: string;
  hint: string;
  next: string;
}

interface WizardStepData {
  lang: Locale;
  draftId: string;
  step: InputStep;
  isStep: Record<InputStep, boolean>;
  showBack: boolean;
  showDangerHelp: boolean;
  resumed: boolean;
  stale: boolean;
  isAnonymous: boolean;
  danger: DangerHelpText;
  text: Record<
    'resumed' | 'stale' | 'progress' | 'title' | 'intro' | 'back' | 'next' | 'stop' | 'neverViaLine' | 'anonymousCareful' | 'teamsKnows' | 'counsellorAnonymous',
    string
  >;
  fields: Record<keyof ReportAnswers, FieldData>;
  categories: Choice[];
  kinds: Choice[];
  identities: Choice[];
  managerInvolvedChoices: Choice[];
  dangerChoices: Choice[];
  /** The buttons' `vm`: `returnTo: 'review'` only when the step was opened with "Wijzig" on the review. */
  vm: Record<'back' | 'next' | 'stop', StepVm>;
}

interface StepVm {
  dialog: 'wizard';
  nav: 'back' | 'next' | 'stop';
  draftId: string;
  step: InputStep;
  returnTo?: 'review';
}

const INPUT_STEPS: readonly InputStep[] = ['what', 'want', 'identity', 'involved', 'details', 'support'];

function toggleValue(value: boolean | undefined): string {
  return value ? 'true' : 'false';
}

function stepData(locale: Locale, step: InputStep): Pick<WizardStepData['text'], 'title' | 'intro'> {
  return { title: t(locale, `wizard.${step}.title`), intro: t(locale, `wizard.${step}.intro`) };
}

function fieldsData(view: WizardStepView): Record<keyof ReportAnswers, FieldData> {
  const { locale: l, answers, errors } = view;
  const field = (name: keyof ReportAnswers, value: string, texts: Partial<Omit<FieldData, 'value' | 'hasError' | 'error'>>): FieldData => ({
    label: '',
    placeholder: '',
    errorMessage: '',
    hint: '',
    title: '',
    ...texts,
    value,
    ...fieldError(l, name, errors[name], texts.errorMessage),
  });
  return {
    categories: field('categories', (answers.categories ?? []).join(','), {
      label: t(l, 'wizard.what.categoriesLabel'),
      errorMessage: t(l, 'wizard.what.categoriesError'),
    }),
    kind: field('kind', answers.kind ?? '', { label: t(l, 'wizard.want.kindLabel'), errorMessage: t(l, 'wizard.want.kindError') }),
    preferMeldpunt: field('preferMeldpunt', toggleValue(answers.preferMeldpunt), {
      label: t(l, 'preferMeldpunt.label'),
      title: t(l, 'preferMeldpunt.toggle'),
      hint: t(l, 'preferMeldpunt.hint'),
    }),
    identity: field('identity', answers.identity ?? '', {
      label: t(l, 'wizard.identity.identityLabel'),
      errorMessage: t(l, 'wizard.identity.identityError'),
    }),
    involved: field('involved', answers.involved ?? '', {
      label: t(l, 'wizard.involved.involvedLabel'),
      placeholder: t(l, 'wizard.involved.involvedPlaceholder'),
    }),
    managerInvolved: field('managerInvolved', answers.managerInvolved ?? '', {
      label: t(l, 'wizard.involved.managerInvolvedLabel'),
      hint: t(l, 'wizard.involved.managerInvolvedHint'),
      errorMessage: t(l, 'wizard.involved.managerInvolvedError'),
    }),
    incidentDate: field('incidentDate', answers.incidentDate ?? '', {
      label: t(l, 'wizard.details.incidentDateLabel'),
      hint: t(l, 'wizard.details.incidentDateHint'),
    }),
    location: field('location', answers.location ?? '', {
      label: t(l, 'wizard.details.locationLabel'),
      placeholder: t(l, 'wizard.details.locationPlaceholder'),
    }),
    description: field('description', answers.description ?? '', {
      label: t(l, 'wizard.details.descriptionLabel'),
      placeholder: t(l, 'wizard.details.descriptionPlaceholder'),
      hint: t(l, 'wizard.details.descriptionHint', { max: formatNumber(DESCRIPTION_MAX_LENGTH, l) }),
      errorMessage: t(l, 'wizard.details.descriptionError'),
    }),
    wantsCounsellorContact: field('wantsCounsellorContact', toggleValue(answers.wantsCounsellorContact), {
      label: t(l, 'wizard.support.counsellorLabel'),
      title: t(l, 'wizard.support.counsellorTitle'),
      hint: t(l, 'wizard.support.counsellorHint'),
    }),
    immediateDanger: field('immediateDanger', answers.immediateDanger === undefined ? '' : toggleValue(answers.immediateDanger), {
      label: t(l, 'wizard.support.dangerLabel'),
      hint: t(l, 'wizard.what.dangerHint'),
    }),
  };
}

function wizardStepData(view: WizardStepView): WizardStepData {
  const l = view.locale;
  const isStep = Object.fromEntries(INPUT_STEPS.map((step) => [step, step === view.step])) as Record<InputStep, boolean>;
  return {
    lang: l,
    draftId: view.draftId,
    step: view.step,
    isStep,
    showBack: view.stepNumber > 1,
    showDangerHelp: view.showDangerHelp,
    resumed: view.resumed && !view.stale,
    stale: view.stale === true,
    isAnonymous: view.answers.identity === 'anonymous',
    danger: dangerHelpText(l),
    text: {
      ...stepData(l, view.step),
      resumed: t(l, 'wizard.resumed'),
      stale: t(l, 'validation.staleCard'),
      progress: t(l, 'common.progress', { number: view.stepNumber, total: view.totalSteps }),
      back: t(l, 'common.back'),
      next: t(l, 'common.next'),
      stop: t(l, 'common.stop'),
      neverViaLine: t(l, 'identity.neverViaLine'),
      anonymousCareful: t(l, 'identity.anonymousCareful'),
      teamsKnows: t(l, 'identity.teamsKnows'),
      counsellorAnonymous: t(l, 'wizard.support.counsellorAnonymous'),
    },
    fields: fieldsData(view),
    categories: CATEGORIES.map((c) => ({ value: c, title: t(l, `categories.${c}.title`), hint: t(l, `categories.${c}.hint`), next: '' })),
    kinds: REQUEST_KINDS.map((k) => ({ value: k, title: t(l, `kinds.${k}.title`), hint: t(l, `kinds.${k}.hint`), next: t(l, `kinds.${k}.next`) })),
    identities: IDENTITY_MODES.map((m) => ({ value: m, title: t(l, `identity.${m}.title`), hint: t(l, `identity.${m}.hint`), next: '' })),
    managerInvolvedChoices: MANAGER_INVOLVED.map((m) => ({ value: m, title: t(l, `managerInvolved.${m}`), hint: '', next: '' })),
    dangerChoices: [
      { value: 'true', title: t(l, 'wizard.what.dangerYes'), hint: '', next: '' },
      { value: 'false', title: t(l, 'wizard.what.dangerNo'), hint: '', next: '' },
    ],
    vm: {
      back: stepVm(view, 'back'),
      next: stepVm(view, 'next'),
      stop: { dialog: 'wizard', nav: 'stop', draftId: view.draftId, step: view.step },
    },
  };
}

function stepVm(view: WizardStepView, nav: 'back' | 'next'): StepVm {
  const vm: StepVm = { dialog: 'wizard', nav, draftId: view.draftId, step: view.step };
  if (view.returnTo === 'review') vm.returnTo = 'review';
  return vm;
}

/**
 * One step of the report wizard (a dialog): progress, the step's inputs pre-filled from the
 * answers so far, the error message under each input that has one, and Back / Next / Stop and save.
 * Shows where to get help first when `showDangerHelp`, and a welcome-back line when `resumed`.
 */
export function renderWizardStep(view: WizardStepView): AdaptiveCard {
  return renderCard(template, wizardStepData(view));
}
