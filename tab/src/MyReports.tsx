import { LiveMessage } from './LiveMessage';
import { Badge, Body1, Caption1, Card, CardHeader, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { AnonymousCase } from './AnonymousCase';
import type { MyReportView, ReportTimelineStep } from '../../bot/app/tab/myReportsView';
import type { Locale } from '../../bot/domain/locale';
import { formatDate, formatDateTime, t, type MessageKey } from '../../cards/i18n';
import { LoadFailed, Loading } from './LoadState';
import { ReplyForm, type ReplySender } from './ReplyForm';
import { FeedbackForm, WithdrawForm, type ReportActionSenders } from './ReportActions';
import { callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';
import { useTabApi } from './useTabApi';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, listStyleType: 'none', margin: 0, padding: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  timeline: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  message: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM, whiteSpace: 'pre-wrap' },
  messageMeta: { display: 'block' },
  messages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
});

/** Mijn meldingen: the reporter's named and confidential cases with their timeline and messages. */
export function MyReports({ locale, authorize }: { locale: Locale; authorize: Authorizer }) {
  const { loaded, reload } = useTabApi<{ reports: MyReportView[] }>('/api/tab/my-reports', authorize);
  const [notice, setNotice] = useState<string | undefined>();
  const styles = useStyles();
  const sent = useCallback(
    (text: string) => {
      setNotice(text);
      reload();
    },
    [reload],
  );
  const live = (
    <LiveMessage intent="success" text={notice} />
  );
  if (loaded.state === 'loading') return <>{live}<Loading label={tabText(locale, 'load.reports')} /></>;
  if (loaded.state === 'failed') return <>{live}<LoadFailed locale={locale} error={loaded.error} onRetry={reload} /></>;
  const { reports } = loaded.value;
  return (
    <div className={styles.section}>
      {live}
      <Body1>{tabText(locale, 'reports.intro')}</Body1>
      <Caption1>{tabText(locale, 'reports.anonymousNote')}</Caption1>
      {reports.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {tabText(locale, 'reports.empty')} {tabText(locale, 'reports.emptyHint')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={styles.list} aria-label={tabText(locale, 'nav.myReports')}>
          {reports.map((report) => (
            <li key={report.caseId}>
              <ReportCard locale={locale} report={report} send={replyTo(authorize, report.caseId)} actions={actionsOf(authorize, report.caseId)} onSent={sent} />
            </li>
          ))}
        </ul>
      )}
      <AnonymousCase locale={locale} authorize={authorize} />
    </div>
  );
}

/**
 * One report: state, next step, timeline and messages; with `send`, the form to answer the
 * open question or add information (as the case dialog; not once the case is closed); with
 * `actions`, withdrawing (an open case) and the closing questions (a closed one, once).
 */
export function ReportCard({
  locale,
  report,
  send,
  actions,
  onSent,
}: {
  locale: Locale;
  report: MyReportView;
  send?: ReplySender;
  actions?: ReportActionSenders;
  onSent?: (notice: string) => void;
}) {
  const styles = useStyles();
  const headingId = `report-${report.caseId}`;
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={headingId}>
            {report.reference} · {t(locale, `kinds.${report.kind}.title` as MessageKey)}
          </Subtitle2>
        }
        description={
          <Caption1>
            {tabText(locale, 'reports.received', { date: formatDate(report.receivedAt, locale) })} · {t(locale, 'myCases.route')}: {t(locale, `roles.${report.route}` as MessageKey)} ·{' '}
            {t(locale, `identity.${report.identity}.title` as MessageKey)}
          </Caption1>
        }
        action={<Badge appearance="tint" color={report.state === 'closed' ? 'subtle' : 'brand'}>{t(locale, `states.${report.state}.title` as MessageKey)}</Badge>}
      />
      {report.openQuestion && (
        <MessageBar intent="warning">
          <MessageBarBody>{tabText(locale, 'reports.openQuestion')}</MessageBarBody>
        </MessageBar>
      )}
      <Body1 data-testid="next-step">
        {report.next
          ? tabText(locale, report.next.overdue ? 'reports.nextOverdue' : 'reports.next', { what: t(locale, `clocks.${report.next.clock}` as MessageKey), date: formatDateTime(report.next.dueAt, locale) })
          : report.outcome
            ? tabText(locale, 'reports.outcome', { outcome: t(locale, `outcomes.${report.outcome}` as MessageKey) })
            : tabText(locale, 'reports.noNext')}
      </Body1>
      <section className={styles.section} aria-labelledby={`${headingId}-timeline`}>
        <Text as="h3" weight="semibold" id={`${headingId}-timeline`}>
          {tabText(locale, 'reports.timeline')}
        </Text>
        <ol className={styles.timeline}>
          {report.timeline.map((step, index) => (
            <li key={index}>
              <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>: {stepLabel(locale, report, step)}
            </li>
          ))}
        </ol>
      </section>
      <section className={styles.section} aria-labelledby={`${headingId}-messages`}>
        <Text as="h3" weight="semibold" id={`${headingId}-messages`}>
          {tabText(locale, 'reports.messages')}
        </Text>
        {report.messages.length === 0 ? (
          <Caption1>{tabText(locale, 'reports.noMessages')}</Caption1>
        ) : (
          <ul className={styles.messages}>
            {report.messages.map((message, index) => (
              <li key={index} className={styles.message}>
                <Caption1 className={styles.messageMeta}>
                  {t(locale, message.from === 'handler' ? 'caseThread.handler' : 'caseThread.you')} · {t(locale, `caseThread.kinds.${message.kind}` as MessageKey)} ·{' '}
                  <time dateTime={message.at}>{formatDateTime(message.at, locale)}</time>
                </Caption1>
                <Body1 as="p">{message.text}</Body1>
              </li>
            ))}
          </ul>
        )}
      </section>
      {send && onSent && report.state !== 'closed' && <ReplyForm locale={locale} report={report} send={send} onSent={onSent} />}
      {actions && onSent && report.askFeedback && <FeedbackForm locale={locale} report={report} send={actions.feedback} onDone={onSent} />}
      {actions && onSent && report.canWithdraw && <WithdrawForm locale={locale} report={report} send={actions.withdraw} onDone={onSent} />}
    </Card>
  );
}

/** The reply of one's own case: its own route. */
function replyTo(authorize: Authorizer, caseId: string): ReplySender {
  return async (message) => (await callTabApi<{ sent: 'answer' | 'information' }>(`/api/tab/my-reports/${encodeURIComponent(caseId)}/reply`, authorize, 'POST', { message })).sent;
}

/** Withdrawing and the closing questions of one's own case: its own routes. */
function actionsOf(authorize: Authorizer, caseId: string): ReportActionSenders {
  const path = `/api/tab/my-reports/${encodeURIComponent(caseId)}`;
  return {
    withdraw: async () => {
      await callTabApi(`${path}/withdraw`, authorize, 'POST', { confirm: true });
    },
    feedback: async (scores) => {
      await callTabApi(`${path}/feedback`, authorize, 'POST', scores);
    },
  };
}

function stepLabel(locale: Locale, report: MyReportView, step: ReportTimelineStep): string {
  if (step.step !== 'message') return tabText(locale, `steps.${step.step}`);
  const message = report.messages[step.messageIndex ?? -1];
  if (!message) return tabText(locale, 'steps.received');
  return tabText(locale, 'steps.message', {
    kind: t(locale, `caseThread.kinds.${message.kind}` as MessageKey),
    from: t(locale, message.from === 'handler' ? 'caseThread.handler' : 'caseThread.you'),
  });
}
