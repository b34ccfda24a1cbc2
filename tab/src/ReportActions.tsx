import { LiveMessage } from './LiveMessage';
import { Button, Caption1, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyReportView } from '../../bot/app/tab/myReportsView';
import type { Locale } from '../../bot/domain/locale';
import { t, type MessageKey } from '../../cards/i18n';
import { TabApiError } from './tabClient';
import { tabText } from './tabText';

/** The closing questions' answers as the page sends them: a score from 1 to 5 each, or none. */
export interface FeedbackScores {
  takenSeriously?: number;
  wouldReportAgain?: number;
}

/** Withdrawing and the closing questions of one case (its own routes, or with reference + secret for an anonymous one). */
export interface ReportActionSenders {
  withdraw: () => Promise<void>;
  feedback: (scores: FeedbackScores) => Promise<void>;
}

const QUESTIONS = ['takenSeriously', 'wouldReportAgain'] as const;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  points: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * Withdrawing a case, with the withdraw dialog's confirmation (what happens, "talk it over
 * first", yes / no): nothing is sent until "Yes, withdraw my report".
 */
export function WithdrawForm({ locale, report, send, onDone }: { locale: Locale; report: MyReportView; send: ReportActionSenders['withdraw']; onDone: (notice: string) => void }) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const titleId = `withdraw-${report.caseId}`;

  const confirm = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await send();
      setAsking(false);
      onDone(t(locale, 'reporter.withdrawn'));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <div>
        <Button appearance="subtle" onClick={() => setAsking(true)}>
          {t(locale, 'reporter.case.withdraw' as MessageKey)}
        </Button>
      </div>
    );
  }
  return (
    <section className={styles.box} role="group" aria-labelledby={titleId}>
      <Text as="h3" weight="semibold" id={titleId}>
        {t(locale, 'reporter.withdraw.title')}
      </Text>
      <Caption1>{t(locale, 'reporter.withdraw.intro')}</Caption1>
      <ul className={styles.points}>
        <li>{t(locale, 'reporter.withdraw.closed')}</li>
        <li>{t(locale, 'reporter.withdraw.handlerTold')}</li>
        <li>{t(locale, 'reporter.withdraw.again')}</li>
      </ul>
      <Caption1>{t(locale, 'reporter.withdraw.doubt')}</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
          {t(locale, 'reporter.withdraw.confirm')}
        </Button>
        <Button disabled={busy} onClick={() => setAsking(false)}>
          {t(locale, 'reporter.withdraw.cancel')}
        </Button>
      </div>
      <LiveMessage intent="error" text={failed ? tabText(locale, 'reportActions.failed') : undefined} />
    </section>
  );
}

/** The two closing questions of a closed case, as the feedback card: 1 to 5 each, both optional; a refused score is shown next to its question. */
export function FeedbackForm({ locale, report, send, onDone }: { locale: Locale; report: MyReportView; send: ReportActionSenders['feedback']; onDone: (notice: string) => void }) {
  const styles = useStyles();
  const [scores, setScores] = useState<Record<(typeof QUESTIONS)[number], string>>({ takenSeriously: '', wouldReportAgain: '' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = `feedback-${report.caseId}`;

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setFailed(false);
    try {
      await send(Object.fromEntries(QUESTIONS.filter((question) => scores[question] !== '').map((question) => [question, Number(scores[question])])));
      onDone(t(locale, 'feedback.thanks'));
    } catch (failure) {
      const fields = failure instanceof TabApiError && failure.status === 400 ? failure.fields : {};
      const shown = Object.fromEntries(QUESTIONS.filter((question) => fields[question]).map((question) => [question, t(locale, `validation.${fields[question]}` as MessageKey)]));
      if (Object.keys(shown).length > 0) setErrors(shown);
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.box}
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Text as="h3" weight="semibold" id={titleId}>
        {t(locale, 'feedback.title')}
      </Text>
      <Caption1>{t(locale, 'feedback.optional')}</Caption1>
      {QUESTIONS.map((question) => (
        <Field key={question} label={t(locale, `feedback.${question}`)} validationMessage={errors[question]} validationState={errors[question] ? 'error' : 'none'}>
          <RadioGroup layout="horizontal" value={scores[question]} onChange={(_event, data) => setScores((current) => ({ ...current, [question]: data.value }))}>
            {([1, 2, 3, 4, 5] as const).map((score) => (
              <Radio key={score} value={String(score)} label={t(locale, `feedback.choice${score}`)} />
            ))}
          </RadioGroup>
        </Field>
      ))}
      <Button type="submit" appearance="primary" disabled={busy}>
        {t(locale, 'feedback.send')}
      </Button>
      <LiveMessage intent="error" text={failed ? tabText(locale, 'reportActions.failed') : undefined} />
    </form>
  );
}
