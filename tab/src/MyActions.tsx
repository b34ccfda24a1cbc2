import { LiveMessage } from './LiveMessage';
import { Badge, Body1, Button, Caption1, Card, CardFooter, CardHeader, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyActionView } from '../../bot/app/tab/myActionsView';
import type { Locale } from '../../bot/domain/locale';
import { formatDate, t, type MessageKey } from '../../cards/i18n';
import { LoadFailed, Loading } from './LoadState';
import { TabApiError, callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';
import { useTabApi } from './useTabApi';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalXL },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, listStyleType: 'none', margin: 0, padding: 0 },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

/** The agreed meeting actions the caller owns, earliest due first, with the action card's "done" and "new date". */
export function MyActions({ locale, authorize }: { locale: Locale; authorize: Authorizer }) {
  const styles = useStyles();
  const { loaded, reload } = useTabApi<{ actions: MyActionView[] }>('/api/tab/my-actions', authorize);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const done = (text: string) => {
    setNotice({ intent: 'success', text });
    reload();
  };
  return (
    <section className={styles.section} aria-labelledby="my-actions-title">
      <Subtitle2 as="h2" id="my-actions-title">
        {tabText(locale, 'actions.title')}
      </Subtitle2>
      <LiveMessage intent={notice?.intent ?? 'success'} text={notice?.text} />
      {loaded.state === 'loading' ? (
        <Loading label={tabText(locale, 'actions.load')} />
      ) : loaded.state === 'failed' ? (
        <LoadFailed locale={locale} error={loaded.error} onRetry={reload} />
      ) : loaded.value.actions.length === 0 ? (
        <Caption1>{tabText(locale, 'actions.empty')}</Caption1>
      ) : (
        <ul className={styles.list} aria-labelledby="my-actions-title">
          {loaded.value.actions.map((action) => (
            <li key={action.actionId}>
              <ActionCard locale={locale} authorize={authorize} action={action} onDone={done} onFailed={() => setNotice({ intent: 'error', text: tabText(locale, 'reportActions.failed') })} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionCard({ locale, authorize, action, onDone, onFailed }: { locale: Locale; authorize: Authorizer; action: MyActionView; onDone: (text: string) => void; onFailed: () => void }) {
  const styles = useStyles();
  const [newDate, setNewDate] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const headingId = `action-${action.actionId}`;
  const path = `/api/tab/my-actions/${encodeURIComponent(action.actionId)}`;

  const run = async (route: 'done' | 'new-date') => {
    setBusy(true);
    setError(undefined);
    try {
      await callTabApi(`${path}/${route}`, authorize, 'POST', route === 'done' ? {} : { newDate });
      onDone(t(locale, route === 'done' ? 'agenda.action.news.done' : 'agenda.action.news.newDate'));
    } catch (failure) {
      // A refused date keeps what was typed, with the problem next to the field (the action card's keys).
      const field = failure instanceof TabApiError ? failure.fields.newDate : undefined;
      if (field) setError(t(locale, `validation.${field}` as MessageKey));
      else onFailed();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        header={
          <Subtitle2 as="h3" id={headingId}>
            {action.text}
          </Subtitle2>
        }
        description={
          <Caption1>
            {t(locale, 'agenda.action.team')}: {action.teamName}
          </Caption1>
        }
        action={
          <Badge appearance="tint" color={action.late ? 'danger' : 'success'}>
            {tabText(locale, action.late ? 'actions.late' : 'actions.onTime')}
          </Badge>
        }
      />
      <Body1>
        {t(locale, 'agenda.action.due')}: <time dateTime={action.dueAt}>{formatDate(action.dueAt, locale)}</time>
      </Body1>
      <CardFooter>
        <form
          className={styles.footer}
          aria-label={t(locale, 'agenda.action.newDate')}
          onSubmit={(event) => {
            event.preventDefault();
            void run('new-date');
          }}
        >
          <Button appearance="primary" disabled={busy} onClick={() => void run('done')}>
            {t(locale, 'agenda.action.done')}
          </Button>
          <Field label={t(locale, 'agenda.action.newDateLabel')} validationMessage={error} validationState={error ? 'error' : 'none'}>
            <Input id={`new-date-${action.actionId}`} type="date" value={newDate} onChange={(_event, data) => setNewDate(data.value)} />
          </Field>
          <Button type="submit" disabled={busy}>
            {t(locale, 'agenda.action.saveNewDate')}
          </Button>
        </form>
      </CardFooter>
    </Card>
  );
}
