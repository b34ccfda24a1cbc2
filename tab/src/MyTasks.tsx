import { Badge, Body1, Button, Caption1, Card, CardFooter, CardHeader, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyTaskView, TaskDeadline } from '../../bot/app/tab/myTasksView';
import type { Locale } from '../../bot/domain/locale';
import { formatDate, formatDateTime, t, type MessageKey } from '../../cards/i18n';
import { LoadFailed, Loading } from './LoadState';
import { callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';
import { useTabApi } from './useTabApi';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, listStyleType: 'none', margin: 0, padding: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  deadlines: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Mijn taken: the cases assigned to the caller, nearest deadline first, with the task card's acknowledge. */
export function MyTasks({ locale, authorize }: { locale: Locale; authorize: Authorizer }) {
  const { loaded, reload } = useTabApi<{ tasks: MyTaskView[] }>('/api/tab/my-tasks', authorize);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const styles = useStyles();

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
      reload();
    }
  };

  const live = (
    <div aria-live="polite">
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
  if (loaded.state === 'loading') return <>{live}<Loading label={tabText(locale, 'load.tasks')} /></>;
  if (loaded.state === 'failed') return <>{live}<LoadFailed locale={locale} error={loaded.error} onRetry={reload} /></>;
  const { tasks } = loaded.value;
  return (
    <div className={styles.section}>
      {live}
      <Body1>{tabText(locale, 'tasks.intro')}</Body1>
      {tasks.length === 0 ? (
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
                      <Subtitle2 as="h2" id={headingId}>
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
                  {task.canAcknowledge && (
                    <CardFooter>
                      <Button appearance="primary" disabled={busy !== undefined} onClick={() => void acknowledge(task)}>
                        {t(locale, 'handler.task.acknowledge')}
                      </Button>
                    </CardFooter>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function timeLeftText(locale: Locale, deadline: TaskDeadline): string {
  if (deadline.overdue) return deadline.calendarDaysLeft < 0 ? tabText(locale, 'tasks.overdue', { days: -deadline.calendarDaysLeft }) : tabText(locale, 'tasks.overdueToday');
  if (deadline.calendarDaysLeft === 0) return tabText(locale, 'tasks.dueToday');
  return tabText(locale, 'tasks.daysLeft', { days: deadline.calendarDaysLeft, working: deadline.workingDaysLeft ?? 0 });
}
