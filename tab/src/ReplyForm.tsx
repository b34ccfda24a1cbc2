import { LiveMessage } from './LiveMessage';
import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyReportView } from '../../bot/app/tab/myReportsView';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/textLimits';
import type { Locale } from '../../bot/domain/locale';
import { t, type MessageKey } from '../../cards/i18n';
import { TabApiError } from './tabClient';
import { tabText } from './tabText';

/** Sends the text to the case (its own route for a named or confidential case; with reference + secret for an anonymous one); says what it became. */
export type ReplySender = (message: string) => Promise<'answer' | 'information'>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  field: { alignSelf: 'stretch' },
});

/**
 * The reporter's answer to the handler's open question, or added information when no question
 * waits (the case decides, as in the case dialog). A refused text comes back with the problem
 * next to the field, and what was typed stays; nothing is kept once the view closes.
 */
export function ReplyForm({ locale, report, send: sendText, onSent }: { locale: Locale; report: MyReportView; send: ReplySender; onSent: (notice: string) => void }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldId = `reply-${report.caseId}`;
  const answering = report.openQuestion;

  const send = async () => {
    setBusy(true);
    setError(undefined);
    setFailed(false);
    try {
      const sent = await sendText(text);
      setText('');
      // The view reloads (with the message on the timeline); the notice is the view's, so it outlives this form.
      onSent(tabText(locale, sent === 'answer' ? 'reply.sentAnswer' : 'reply.sentInformation'));
    } catch (failure) {
      const field = failure instanceof TabApiError ? failure.fields.message : undefined;
      if (field) setError(t(locale, `validation.${field}` as MessageKey, { max: CASE_MESSAGE_MAX_LENGTH }));
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={tabText(locale, answering ? 'reply.answerTitle' : 'reply.informationTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Field
        className={styles.field}
        label={tabText(locale, answering ? 'reply.answerLabel' : 'reply.informationLabel')}
        hint={tabText(locale, 'reply.hint')}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Textarea id={fieldId} value={text} resize="vertical" onChange={(_event, data) => setText(data.value)} />
      </Field>
      <Button type="submit" appearance={answering ? 'primary' : 'secondary'} disabled={busy}>
        {tabText(locale, answering ? 'reply.sendAnswer' : 'reply.sendInformation')}
      </Button>
      <LiveMessage intent="error" text={failed ? tabText(locale, 'reply.failed') : undefined} />
    </form>
  );
}
