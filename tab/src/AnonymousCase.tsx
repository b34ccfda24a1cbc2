import { LiveMessage } from './LiveMessage';
import { Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyReportView } from '../../bot/app/tab/myReportsView';
import type { Locale } from '../../bot/domain/locale';
import { t, type MessageKey } from '../../cards/i18n';
import { ReportCard } from './MyReports';
import type { ReportActionSenders } from './ReportActions';
import { TabApiError, callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

type Fields = Partial<Record<'reference' | 'secret', string>>;

/**
 * An anonymous case, opened with reference + secret (POST, never in the address). The case lives
 * only in this component's state: nothing is stored in the browser, and "Close" forgets it. One
 * message for an unknown reference and a wrong secret; the guessing limit is the bot's.
 */
export function AnonymousCase({ locale, authorize }: { locale: Locale; authorize: Authorizer }) {
  const styles = useStyles();
  const [reference, setReference] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Fields>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [report, setReport] = useState<MyReportView | undefined>();
  /** The reference and secret that opened the case, in memory only, for answering; forgotten on close. */
  const [opened, setOpened] = useState<{ reference: string; secret: string } | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setBusy(true);
    setErrors({});
    setRefusal(undefined);
    try {
      const found = await callTabApi<{ report: MyReportView }>('/api/tab/anonymous-case', authorize, 'POST', { reference, secret });
      setReport(found.report);
      setOpened({ reference, secret });
      setNotice(undefined);
      setSecret('');
    } catch (failure) {
      const status = failure instanceof TabApiError ? failure.status : 0;
      const fields = failure instanceof TabApiError ? failure.fields : {};
      if (status === 400 && (fields.reference || fields.secret)) {
        setErrors({
          reference: fields.reference && t(locale, 'anonymousStatus.referenceError'),
          secret: fields.secret && t(locale, 'anonymousStatus.secretError'),
        });
      } else {
        setRefusal(status === 404 ? t(locale, 'validation.referenceOrSecretWrong') : status === 429 ? t(locale, 'validation.tooManyAttempts' as MessageKey) : tabText(locale, 'anonymous.failed'));
      }
    } finally {
      setBusy(false);
    }
  };

  const reply = async (message: string) => {
    const answer = await callTabApi<{ sent: 'answer' | 'information'; report: MyReportView | null }>('/api/tab/anonymous-case/reply', authorize, 'POST', { ...opened, message });
    if (answer.report) setReport(answer.report);
    return answer.sent;
  };

  /** Withdrawing and the closing questions, each with reference + secret again (checked and counted as the opening). */
  const actions: ReportActionSenders = {
    withdraw: async () => {
      const answer = await callTabApi<{ report: MyReportView | null }>('/api/tab/anonymous-case/withdraw', authorize, 'POST', { ...opened, confirm: true });
      if (answer.report) setReport(answer.report);
    },
    feedback: async (scores) => {
      const answer = await callTabApi<{ report: MyReportView | null }>('/api/tab/anonymous-case/feedback', authorize, 'POST', { ...opened, ...scores });
      if (answer.report) setReport(answer.report);
    },
  };

  const forget = () => {
    setReport(undefined);
    setOpened(undefined);
    setNotice(undefined);
    setReference('');
    setSecret('');
  };

  return (
    <section className={styles.section} aria-labelledby="anonymous-title">
      <Subtitle2 as="h2" id="anonymous-title">
        {tabText(locale, 'anonymous.title')}
      </Subtitle2>
      {report ? (
        <>
          <LiveMessage intent="success" text={notice} />
          <ReportCard locale={locale} report={report} send={reply} actions={actions} onSent={setNotice} />
          <Caption1>{tabText(locale, 'anonymous.forgotten')}</Caption1>
          <div>
            <Button onClick={forget}>{tabText(locale, 'anonymous.close')}</Button>
          </div>
        </>
      ) : (
        <>
          <Caption1>{t(locale, 'anonymousStatus.intro')}</Caption1>
          <form
            className={styles.form}
            aria-labelledby="anonymous-title"
            autoComplete="off"
            onSubmit={(event) => {
              event.preventDefault();
              void open();
            }}
          >
            <Field label={t(locale, 'anonymousStatus.referenceLabel')} validationMessage={errors.reference} validationState={errors.reference ? 'error' : 'none'}>
              <Input id="anonymous-reference" value={reference} placeholder={t(locale, 'anonymousStatus.referencePlaceholder')} onChange={(_event, data) => setReference(data.value)} />
            </Field>
            <Field label={t(locale, 'anonymousStatus.secretLabel')} validationMessage={errors.secret} validationState={errors.secret ? 'error' : 'none'}>
              <Input id="anonymous-secret" type="password" value={secret} onChange={(_event, data) => setSecret(data.value)} />
            </Field>
            <Button type="submit" disabled={busy}>
              {t(locale, 'anonymousStatus.check')}
            </Button>
          </form>
          <LiveMessage intent="error" text={refusal} />
        </>
      )}
    </section>
  );
}
