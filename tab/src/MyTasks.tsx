import { LiveMessage } from './LiveMessage';
import { Badge, Body1, Button, Caption1, Card, CardFooter, CardHeader, Field, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MyTaskView, TaskDeadline } from '../../bot/app/tab/myTasksView';
import type { Locale } from '../../bot/domain/locale';
import { formatDate, formatDateTime, t, type MessageKey } from '../../cards/i18n';
import { LoadFailed, Loading } from './LoadState';
import { MyActions } from './MyActions';
import { TaskCasePanel } from './TaskCasePanel';
import { TaskFormDialog, taskFormDoneText, type TaskFormAnswer } from './TaskFormDialog';
import { callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';
import { useTabApi } from './useTabApi';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, listStyleType: 'none', margin: 0, padding: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  deadlines: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
});

/** The list's filters: by state, kind and unit ('' is all); over the list the API returned. */
type TaskFilter = Record<'state' | 'kind' | 'unit', string>;
const ALL: TaskFilter = { state: '', kind: '', unit: '' };
/** The view's introduction: where the focus goes when the case an action was on has left the list. */
const INTRO_ID = 'my-tasks-intro';

/** A task without a unit in the unit filter. */
const NO_UNIT = '-';

const filterValue = (task: MyTaskView, name: keyof TaskFilter): string => (name === 'state' ? task.state : name === 'kind' ? task.kind : (task.unitId ?? NO_UNIT));

/**
 * Mijn taken: the cases assigned to the caller, nearest deadline first, with the task card's
 * actions: acknowledge, open the case (its content only on request, each reading recorded) and
 * the forms the case offers now (update, question, pass on, close, postpone, ask who reported).
 */
export function MyTasks({ locale, authorize }: { locale: Locale; authorize: Authorizer }) {
  const { loaded, reload } = useTabApi<{ tasks: MyTaskView[] }>('/api/tab/my-tasks', authorize);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [filter, setFilter] = useState<TaskFilter>(ALL);
  // After an action the list reloads (its buttons are gone for a moment, the case may have left it): the keyboard
  // focus then goes to the case's heading, or to the view's introduction when it left, never to the page's start.
  // `before` is the list as it was when the action ended: the focus moves once the reloaded one is shown.
  const [returnFocus, setReturnFocus] = useState<{ caseId: string; before: unknown } | undefined>();
  const styles = useStyles();

  useEffect(() => {
    if (returnFocus === undefined || loaded === returnFocus.before || loaded.state !== 'ready') return;
    (document.getElementById(`task-${returnFocus.caseId}`) ?? document.getElementById(INTRO_ID))?.focus();
    setReturnFocus(undefined);
  }, [loaded, returnFocus]);

  const acknowledge = async (task: MyTaskView) => {
    setBusy(task.caseId);
    setNotice(undefined);
    try {
      await callTabApi(`/api/tab/my-tasks/${encodeURIComponent(task.caseId)}/acknowledge`, authorize, 'POST');
      setNotice({ intent: 'success', text: tabText(locale, 'tasks.acknowledged', { reference: task.reference }) });
    } catch {
      setNotice({ intent: 'error', text: tabText(locale, 'tasks.acknowledgeFailed') });
    } finally {
      setBusy(undefined);
      setReturnFocus({ caseId: task.caseId, before: loaded });
      reload();
    }
  };

  const formDone = (task: MyTaskView, answer: TaskFormAnswer) => {
    const text = taskFormDoneText(locale, answer);
    setNotice(text ? { intent: 'success', text } : undefined);
    setReturnFocus({ caseId: task.caseId, before: loaded });
    reload();
  };

  const live = (
    <LiveMessage intent={notice?.intent ?? 'success'} text={notice?.text} />
  );
  const actions = <MyActions locale={locale} authorize={authorize} />;
  if (loaded.state === 'loading') return <>{live}<Loading label={tabText(locale, 'load.tasks')} />{actions}</>;
  if (loaded.state === 'failed') return <>{live}<LoadFailed locale={locale} error={loaded.error} onRetry={reload} />{actions}</>;
  const all = loaded.value.tasks;
  const tasks = all.filter((task) => (Object.keys(filter) as (keyof TaskFilter)[]).every((name) => filter[name] === '' || filterValue(task, name) === filter[name]));
  const choices = (name: keyof TaskFilter, label: (value: string, task: MyTaskView) => string) =>
    [...new Map(all.map((task) => [filterValue(task, name), label(filterValue(task, name), task)])).entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  const filterField = (name: keyof TaskFilter, options: [string, string][]) => (
    <Field label={tabText(locale, `tasks.filters.${name}`)}>
      <Select id={`task-filter-${name}`} value={filter[name]} onChange={(_event, data) => setFilter((current) => ({ ...current, [name]: data.value }))}>
        <option value="">{tabText(locale, 'tasks.filters.all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
  const filtered = tasks.length !== all.length;
  return (
    <div className={styles.section}>
      {live}
      <Body1 id={INTRO_ID} tabIndex={-1}>
        {tabText(locale, 'tasks.intro')}
      </Body1>
      {all.length > 0 && (
        <div className={styles.filters} role="search" aria-label={tabText(locale, 'tasks.filters.label')}>
          {filterField('state', choices('state', (value) => t(locale, `states.${value}.title` as MessageKey)))}
          {filterField('kind', choices('kind', (value) => t(locale, `kinds.${value}.title` as MessageKey)))}
          {filterField('unit', choices('unit', (value, task) => (value === NO_UNIT ? tabText(locale, 'tasks.filters.noUnit') : (task.unitName ?? value))))}
          {filtered && <Button onClick={() => setFilter(ALL)}>{tabText(locale, 'tasks.filters.clear')}</Button>}
        </div>
      )}
      <Caption1 aria-live="polite" data-testid="task-count">
        {filtered ? tabText(locale, 'tasks.filters.shown', { shown: tasks.length, total: all.length }) : ''}
      </Caption1>
      {all.length > 0 && tasks.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{tabText(locale, 'tasks.filters.noMatch')}</MessageBarBody>
        </MessageBar>
      ) : tasks.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {tabText(locale, 'tasks.empty')} {tabText(locale, 'tasks.emptyHint')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={styles.list} aria-label={tabText(locale, 'nav.myTasks')}>
          {tasks.map((task) => {
            const headingId = `task-${task.caseId}`;
            return (
              <li key={task.caseId}>
                <Card aria-labelledby={headingId}>
                  <CardHeader
                    header={
                      <Subtitle2 as="h2" id={headingId} tabIndex={-1}>
                        {task.reference} · {t(locale, `kinds.${task.kind}.title` as MessageKey)}
                      </Subtitle2>
                    }
                    description={
                      <Caption1>
                        {t(locale, 'handler.task.receivedOn')} {formatDate(task.receivedAt, locale)} · {t(locale, 'handler.task.role')}: {t(locale, `roles.${task.role}` as MessageKey)} ·{' '}
                        {t(locale, `identity.${task.identity}.title` as MessageKey)}
                      </Caption1>
                    }
                    action={<Badge appearance="tint" color="brand">{t(locale, `states.${task.state}.title` as MessageKey)}</Badge>}
                  />
                  {task.deadlines.length === 0 ? (
                    <Caption1>{tabText(locale, 'tasks.noDeadline')}</Caption1>
                  ) : (
                    <ul className={styles.deadlines} aria-label={t(locale, 'handler.task.deadlines')}>
                      {task.deadlines.map((deadline) => (
                        <li key={deadline.clock} className={deadline.overdue ? styles.overdue : undefined}>
                          {t(locale, `clocks.${deadline.clock}` as MessageKey)}: <time dateTime={deadline.dueAt}>{formatDateTime(deadline.dueAt, locale)}</time> ({timeLeftText(locale, deadline)})
                        </li>
                      ))}
                    </ul>
                  )}
                  <CardFooter className={styles.footer}>
                    {task.canAcknowledge && (
                      <Button appearance="primary" disabled={busy !== undefined} onClick={() => void acknowledge(task)}>
                        {t(locale, 'handler.task.acknowledge')}
                      </Button>
                    )}
                    <TaskCasePanel locale={locale} authorize={authorize} task={task} />
                    {task.forms.map((form) => (
                      <TaskFormDialog key={form} locale={locale} authorize={authorize} task={task} form={form} onDone={(answer) => formDone(task, answer)} />
                    ))}
                  </CardFooter>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {actions}
    </div>
  );
}

function timeLeftText(locale: Locale, deadline: TaskDeadline): string {
  if (deadline.overdue) return deadline.calendarDaysLeft < 0 ? tabText(locale, 'tasks.overdue', { days: -deadline.calendarDaysLeft }) : tabText(locale, 'tasks.overdueToday');
  if (deadline.calendarDaysLeft === 0) return tabText(locale, 'tasks.dueToday');
  return tabText(locale, 'tasks.daysLeft', { days: deadline.calendarDaysLeft, working: deadline.workingDaysLeft ?? 0 });
}
