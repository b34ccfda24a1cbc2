import { LiveMessage } from './LiveMessage';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { HandlerFormName } from '../../bot/app/cases/openHandlerForm';
import type { MyTaskView } from '../../bot/app/tab/myTasksView';
import { HANDLER_OUTCOMES } from '../../bot/domain/caseLifecycle';
import { CASE_MESSAGE_MAX_LENGTH, IDENTITY_REASON_MAX_LENGTH } from '../../bot/domain/textLimits';
import { REASSIGN_ROLES } from '../../bot/domain/chooseRoute';
import type { Locale } from '../../bot/domain/locale';
import type { Category } from '../../bot/domain/report';
import { caseFieldError } from '../../cards/caseFieldError';
import { closeLessonData } from '../../cards/closeLesson';
import { formatDate, formatNumber, t, type MessageKey } from '../../cards/i18n';
import { keyInGroup } from '../../cards/keyInGroup';
import { Loading } from './LoadState';
import { TabApiError, callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';
import { taskErrorText } from './taskErrorText';

/** What a form shows besides what is typed (GET …/forms/{form}). */
interface TaskFormInfo {
  caseId: string;
  reference: string;
  decisionDueAt: string | null;
  categories: Category[];
  lessonUnits: { id: string; name: string }[];
}

/** What the form did (POST …/forms/{form}): the confirmation's key under `handler.done.`, and the task as it is now (null: it left the list). */
export interface TaskFormAnswer {
  done: string;
  task: MyTaskView | null;
}

/** The inputs, by the case dialog's input ids (bot/teams/handlerForms.ts HANDLER_FORM_INPUTS). */
type Inputs = Record<'message' | 'targetRole' | 'outcome' | 'days' | 'lessonText' | 'lessonCategory' | 'lessonUnit', string>;
type InputId = keyof Inputs;
const EMPTY: Inputs = { message: '', targetRole: '', outcome: '', days: '', lessonText: '', lessonCategory: '', lessonUnit: '' };

/** The inputs each form sends. */
const SENT: Readonly<Record<HandlerFormName, readonly InputId[]>> = {
  update: ['message'],
  question: ['message'],
  identity: ['message'],
  reassign: ['targetRole', 'message'],
  extend: ['days', 'message'],
  close: ['outcome', 'message', 'lessonText', 'lessonCategory', 'lessonUnit'],
};

/** The button on the task that opens each form: the task card's words. */
const BUTTONS: Readonly<Record<HandlerFormName, MessageKey>> = {
  update: 'handler.task.update',
  question: 'handler.task.question',
  reassign: 'handler.task.reassign',
  close: 'handler.task.close',
  extend: 'handler.task.extend',
  identity: 'handler.details.requestIdentity',
};

const useStyles = makeStyles({
  surface: { maxWidth: '680px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  lesson: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/**
 * One of the task card's forms (update, question, pass on, close, postpone, ask who reported) in
 * a dialog, with the case dialog's fields, labels, limits and notes (cards/handlerAction.ts). A
 * refused field shows its problem next to it and everything typed stays; a refusal of the case
 * (no longer yours, no longer possible) says what to do and also keeps it. On success the dialog
 * closes and `onDone` gets the confirmation's key; nothing typed is kept after that.
 */
export function TaskFormDialog({ locale, authorize, task, form, onDone }: { locale: Locale; authorize: Authorizer; task: MyTaskView; form: HandlerFormName; onDone: (answer: TaskFormAnswer) => void }) {
  const styles = useStyles();
  const l = locale;
  const [open, setOpen] = useState(false);
  const [info, setInfo] = useState<TaskFormInfo | undefined>();
  const [inputs, setInputs] = useState<Inputs>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<InputId, string>>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `/api/tab/my-tasks/${encodeURIComponent(task.caseId)}/forms/${form}`;
  const id = (input: InputId) => `${form}-${input}-${task.caseId}`;
  const titleId = `${form}-title-${task.caseId}`;

  const reset = () => {
    setInfo(undefined);
    setInputs(EMPTY);
    setErrors({});
    setFailure(undefined);
  };

  const load = async () => {
    reset();
    try {
      const { form: loaded } = await callTabApi<{ form: TaskFormInfo }>(path, authorize);
      setInfo(loaded);
      setInputs((current) => ({ ...current, lessonCategory: loaded.categories[0] ?? '', lessonUnit: loaded.lessonUnits[0]?.id ?? '' }));
    } catch (error) {
      setFailure(taskErrorText(l, error, 'form'));
    }
  };

  const lessonShown = form === 'close' && (info?.lessonUnits.length ?? 0) > 0;

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    const sent = SENT[form].filter((input) => lessonShown || !input.startsWith('lesson'));
    try {
      const answer = await callTabApi<TaskFormAnswer>(path, authorize, 'POST', Object.fromEntries(sent.map((input) => [input, inputs[input]])));
      setOpen(false);
      reset();
      onDone(answer);
    } catch (error) {
      const fields = error instanceof TabApiError && error.status === 400 ? error.fields : {};
      const shown = Object.fromEntries(sent.filter((input) => fields[input]).map((input) => [input, fieldError(input, fields[input])]));
      const other = Object.entries(fields).filter(([input]) => !(sent as readonly string[]).includes(input));
      setErrors(shown);
      focusFirst(sent.filter((input) => input in shown).map(id));
      if (other.length > 0) setFailure(other.map(([, key]) => caseFieldError(l, key).error).join(' '));
      else if (Object.keys(shown).length > 0) setFailure(tabText(l, 'taskForm.checkFields'));
      else setFailure(taskErrorText(l, error, 'form'));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (input: InputId, key: string | undefined): string => {
    if (input === 'message' && form === 'identity' && key === 'tooLong') return t(l, 'validation.tooLong', { max: formatNumber(IDENTITY_REASON_MAX_LENGTH, l) });
    return caseFieldError(l, key).error;
  };
  const validation = (input: InputId) => ({ validationMessage: errors[input], validationState: errors[input] ? ('error' as const) : ('none' as const) });
  const set = (input: InputId) => (value: string) => setInputs((current) => ({ ...current, [input]: value }));
  const maxLength = form === 'identity' ? IDENTITY_REASON_MAX_LENGTH : CASE_MESSAGE_MAX_LENGTH;
  const lesson = closeLessonData(l, { units: info?.lessonUnits ?? [] }, {});

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        setOpen(data.open);
        if (data.open) void load();
        else reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary">{t(l, BUTTONS[form])}</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface} aria-labelledby={titleId}>
        {/* noValidate: the bot checks (as the card's inputs are not marked required), and says what is wrong in the user's language. */}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle id={titleId}>{t(l, `handler.action.${form}.title`)}</DialogTitle>
            <DialogContent className={styles.content}>
              <Caption1>{t(l, 'handler.action.reference', { reference: task.reference })}</Caption1>
              <Body1>{t(l, `handler.action.${form}.intro`)}</Body1>
              {!info && !failure && <Loading label={tabText(l, 'taskForm.loading')} />}
              {info && form === 'extend' && (
                <>
                  {info.decisionDueAt && (
                    <Body1>
                      {t(l, 'handler.action.extend.currentDueLabel')}: <time dateTime={info.decisionDueAt}>{formatDate(info.decisionDueAt, l)}</time>
                    </Body1>
                  )}
                  <Caption1>{t(l, 'handler.action.extend.consentNote')}</Caption1>
                  <Field label={t(l, 'handler.action.extend.daysLabel')} {...validation('days')}>
                    <Input id={id('days')} type="number" inputMode="numeric" value={inputs.days} onChange={(_event, data) => set('days')(data.value)} />
                  </Field>
                </>
              )}
              {info && form === 'reassign' && (
                <Field label={t(l, 'handler.action.reassign.targetRoleLabel')} hint={t(l, 'handler.action.reassign.note')} {...validation('targetRole')}>
                  <RadioGroup id={id('targetRole')} value={inputs.targetRole} onChange={(_event, data) => set('targetRole')(data.value)}>
                    {REASSIGN_ROLES.map((role) => (
                      <Radio key={role} value={role} label={t(l, `roles.${role}`)} />
                    ))}
                  </RadioGroup>
                </Field>
              )}
              {info && form === 'close' && (
                <Field label={t(l, 'handler.action.close.outcomeLabel')} {...validation('outcome')}>
                  <RadioGroup id={id('outcome')} value={inputs.outcome} onChange={(_event, data) => set('outcome')(data.value)}>
                    {HANDLER_OUTCOMES.map((outcome) => (
                      <Radio
                        key={outcome}
                        value={outcome}
                        label={
                          <>
                            <Text weight="semibold">{t(l, `outcomes.${outcome}`)}</Text> — {t(l, `handler.action.outcomeHints.${outcome}`)}
                          </>
                        }
                      />
                    ))}
                  </RadioGroup>
                </Field>
              )}
              {info && (
                <>
                  {form !== 'reassign' && <Caption1>{t(l, form === 'extend' ? 'handler.action.extend.readerNote' : 'handler.action.readerNote')}</Caption1>}
                  <Field
                    label={t(l, `handler.action.${form}.messageLabel`)}
                    hint={`${t(l, 'handler.action.maxLength', { max: formatNumber(maxLength, l) })} ${t(l, 'handler.action.careNote')}`}
                    {...validation('message')}
                  >
                    <Textarea id={id('message')} value={inputs.message} resize="vertical" rows={form === 'identity' ? 3 : 6} onChange={(_event, data) => set('message')(data.value)} />
                  </Field>
                  {form === 'close' && <Caption1>{t(l, 'handler.action.close.note')}</Caption1>}
                </>
              )}
              {lessonShown && (
                <section className={styles.lesson} aria-labelledby={`${titleId}-lesson`}>
                  <Subtitle2 as="h3" id={`${titleId}-lesson`}>
                    {lesson.labels.heading}
                  </Subtitle2>
                  <Caption1>{lesson.labels.anonymityNote}</Caption1>
                  <Caption1>{lesson.labels.reviewNote}</Caption1>
                  <Field label={lesson.labels.textLabel} hint={lesson.labels.maxLength} {...validation('lessonText')}>
                    <Textarea id={id('lessonText')} value={inputs.lessonText} resize="vertical" onChange={(_event, data) => set('lessonText')(data.value)} />
                  </Field>
                  <Field label={lesson.labels.categoryLabel} {...validation('lessonCategory')}>
                    <Select id={id('lessonCategory')} value={inputs.lessonCategory} onChange={(_event, data) => set('lessonCategory')(data.value)}>
                      {lesson.categories.map((choice) => (
                        <option key={choice.value} value={choice.value}>
                          {choice.title}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={lesson.labels.unitLabel} {...validation('lessonUnit')}>
                    <Select id={id('lessonUnit')} value={inputs.lessonUnit} onChange={(_event, data) => set('lessonUnit')(data.value)}>
                      {lesson.units.map((choice) => (
                        <option key={choice.value} value={choice.value}>
                          {choice.title}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </section>
              )}
              <LiveMessage intent="error" text={failure} />
            </DialogContent>
            <DialogActions>
              {/* disabledFocusable: the focus stays on the button while sending, so Escape and the keyboard keep working. */}
              <Button type="submit" appearance="primary" disabledFocusable={busy || !info}>
                {t(l, `handler.action.${form}.submit`)}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t(l, 'handler.action.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** Moves the focus to the first refused field (its input: a radio group's first choice), once the page shows its problem. */
function focusFirst(ids: readonly string[]): void {
  if (ids.length === 0) return;
  setTimeout(() => {
    const element = document.getElementById(ids[0]);
    const input = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement ? element : element?.querySelector('input');
    input?.focus();
  }, 0);
}

/** The confirmation of a form's answer, in the user's language (a key outside `handler.done.` shows nothing rather than a raw key). */
export function taskFormDoneText(locale: Locale, answer: TaskFormAnswer): string | undefined {
  const key = keyInGroup('handler.done', answer.done);
  return key ? t(locale, key) : undefined;
}
