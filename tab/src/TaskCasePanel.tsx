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
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { MyTaskView } from '../../bot/app/tab/myTasksView';
import type { Locale } from '../../bot/domain/locale';
import type { TaskCaseDetails } from '../../bot/teams/tab/taskCaseDetails';
import { IDENTITY_NOTES, reporterValue } from '../../cards/caseReporter';
import { caseHistory } from '../../cards/caseHistory';
import { formatDate, formatDateTime, t, type MessageKey } from '../../cards/i18n';
import { keyInGroup } from '../../cards/keyInGroup';
import { Loading } from './LoadState';
import { callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';
import { taskErrorText } from './taskErrorText';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  row: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  unanswered: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/**
 * "Open de melding": the task card's "open the case" in the tab. The content is fetched only when
 * the handler asks for it (each reading is recorded in the case's history, hence a POST), shown in
 * a modal dialog (focus moves in, Escape closes, focus returns to the button) and dropped from
 * memory when the dialog closes. Nothing of it goes to the address, storage or the console.
 */
export function TaskCasePanel({ locale, authorize, task }: { locale: Locale; authorize: Authorizer; task: MyTaskView }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState<TaskCaseDetails | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Each opening's number: an answer that arrives after the panel closed (or reopened) is dropped, never kept.
  const opening = useRef(0);
  const titleId = `case-title-${task.caseId}`;

  const load = async () => {
    const current = ++opening.current;
    setDetails(undefined);
    setError(undefined);
    try {
      const answer = await callTabApi<{ details: TaskCaseDetails }>(`/api/tab/my-tasks/${encodeURIComponent(task.caseId)}/open`, authorize, 'POST');
      if (current === opening.current) setDetails(answer.details);
    } catch (failure) {
      if (current === opening.current) setError(taskErrorText(locale, failure, 'open'));
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        setOpen(data.open);
        if (data.open) void load();
        else {
          // Nothing of the content stays in the page once the panel closes.
          opening.current += 1;
          setDetails(undefined);
          setError(undefined);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary">{tabText(locale, 'taskCase.open')}</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface} aria-labelledby={titleId}>
        <DialogBody>
          <DialogTitle id={titleId}>{t(locale, 'handler.details.title', { reference: task.reference })}</DialogTitle>
          {/* Focusable, so that the keyboard can scroll a long report (and axe's scrollable-region rule holds). */}
          <DialogContent className={styles.content} tabIndex={0} aria-labelledby={titleId} role="region">
            <MessageBar intent="warning">
              <MessageBarBody>{t(locale, 'handler.details.confidential')}</MessageBarBody>
            </MessageBar>
            <LiveMessage intent="error" text={error} />
            {details ? <CaseContent locale={locale} details={details} /> : error ? null : <Loading label={tabText(locale, 'taskCase.loading')} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">{t(locale, 'common.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The case dialog's content (cards/caseDetails.ts) as the page shows it: facts, what was reported, why it came here, messages, history. */
function CaseContent({ locale, details }: { locale: Locale; details: TaskCaseDetails }) {
  const styles = useStyles();
  const l = locale;
  const identity = details.identity as Parameters<typeof reporterValue>[0]['identity'];
  const identityRequest = details.identity === 'confidential' ? details.identityRequest : undefined;
  const yesNo = (value: boolean) => t(l, value ? 'common.yes' : 'common.no');
  const facts: [string, string][] = [
    [t(l, 'handler.details.reference'), details.reference],
    [t(l, 'handler.details.kind'), t(l, `kinds.${details.kind}.title` as MessageKey)],
    [t(l, 'handler.details.identity'), t(l, `identity.${details.identity}.title` as MessageKey)],
    [t(l, 'handler.details.state'), t(l, `states.${details.state}.title` as MessageKey)],
    [t(l, 'handler.details.categories'), details.categories.map((category) => t(l, `categories.${category}.title` as MessageKey)).join(', ') || t(l, 'common.notAnswered')],
    [t(l, 'handler.details.receivedOn'), formatDate(details.receivedAt, l)],
    [t(l, 'handler.details.counsellor'), yesNo(details.wantsCounsellorContact)],
    [t(l, 'handler.details.danger'), yesNo(details.immediateDanger)],
  ];
  const typed = (value: string | undefined) => (value ? { value, answered: true } : { value: t(l, 'common.notAnswered'), answered: false });
  const fields: [string, { value: string; answered: boolean }][] = [
    [t(l, 'handler.details.reporter'), reporterValue({ locale: l, identity, identityRequest, reporterName: details.reporterName })],
    [t(l, 'handler.details.involved'), typed(details.involved)],
    [t(l, 'handler.details.incidentDate'), typed(details.incidentDate && formatDate(details.incidentDate, l))],
    [t(l, 'handler.details.location'), typed(details.location)],
    [t(l, 'handler.details.description'), typed(details.description)],
  ];
  const history = caseHistory(
    l,
    details.history.map((entry) => ({ at: formatDateTime(entry.at, l), eventKey: entry.type })),
  );
  const list = (rows: [string, { value: string; answered: boolean }][]) => (
    <dl className={styles.facts}>
      {rows.map(([label, { value, answered }]) => (
        <div key={label} className={styles.row}>
          <dt className={styles.term}>{label}</dt>
          <dd className={`${styles.definition} ${answered ? '' : styles.unanswered}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <>
      {details.immediateDanger && (
        <MessageBar intent="error">
          <MessageBarBody>{t(l, 'handler.details.dangerWarning')}</MessageBarBody>
        </MessageBar>
      )}
      {list(facts.map(([label, value]) => [label, { value, answered: true }]))}
      <section className={styles.section} aria-label={tabText(l, 'taskCase.reportTitle')}>
        <Subtitle2 as="h3">{tabText(l, 'taskCase.reportTitle')}</Subtitle2>
        {list(fields)}
        {identityRequest && <Caption1>{t(l, IDENTITY_NOTES[identityRequest])}</Caption1>}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h3">{t(l, 'handler.details.routingTitle')}</Subtitle2>
        <Body1>{t(l, keyInGroup('routing', details.routingRule) ?? 'routing.unknown')}</Body1>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h3">{t(l, 'handler.details.messagesTitle')}</Subtitle2>
        {details.messages.length === 0 ? (
          <Body1>{t(l, 'handler.details.noMessages')}</Body1>
        ) : (
          <ol className={styles.list}>
            {details.messages.map((message, index) => (
              <li key={index}>
                <Caption1>
                  {t(l, message.from === 'handler' ? 'caseThread.handler' : 'caseThread.reporter')} · {t(l, `caseThread.kinds.${message.kind}` as MessageKey)} ·{' '}
                  <time dateTime={message.at}>{formatDateTime(message.at, l)}</time>
                </Caption1>
                <Body1 as="p" block className={styles.message}>
                  {message.text}
                </Body1>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h3">{t(l, 'handler.details.historyTitle')}</Subtitle2>
        {history.hasOmitted && <Caption1>{history.omitted}</Caption1>}
        <ol className={styles.list}>
          {history.lines.map((line, index) => (
            <li key={index}>
              {line.at} · {line.text}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
