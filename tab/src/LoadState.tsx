import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Locale } from '../../bot/domain/locale';
import { TabApiError } from './tabClient';
import { tabText } from './tabText';

/** Loading: a labelled spinner that screen readers announce. */
export function Loading({ label }: { label: string }) {
  return <Spinner role="status" labelPosition="below" label={label} />;
}

/** A failed load that says what to do: sign in again, ask the service desk, or try again. */
export function LoadFailed({ locale, error, onRetry }: { locale: Locale; error: unknown; onRetry: () => void }) {
  const status = error instanceof TabApiError ? error.status : 0;
  const code = error instanceof TabApiError ? error.code : 'unknown';
  const advice = status === 401 ? tabText(locale, 'load.signInExpired') : status === 403 ? tabText(locale, 'load.notAllowed') : tabText(locale, 'load.failed');
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{tabText(locale, 'load.failedTitle')}</MessageBarTitle>
        {advice} {tabText(locale, 'load.code', { code })}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{tabText(locale, 'load.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
