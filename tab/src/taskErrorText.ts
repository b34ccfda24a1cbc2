import type { Locale } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { TabApiError } from './tabClient';
import { tabText } from './tabText';

/**
 * What a failed call on a task says, and what to do: sign in again (401), the case is no longer
 * yours (403, 404), it can no longer be done (409; a postponement the Awb does not allow says
 * why), or try again (anything else). For a form,
 * each text also says that what was typed is still there.
 */
export function taskErrorText(locale: Locale, failure: unknown, what: 'open' | 'form'): string {
  const status = failure instanceof TabApiError ? failure.status : 0;
  if (status === 401) return tabText(locale, 'load.signInExpired');
  if (status === 403 || status === 404) return tabText(locale, what === 'open' ? 'taskCase.notYours' : 'taskForm.notYours');
  // The Awb's rule for postponing a klacht (once, at most 4 weeks), as the case dialog says it.
  if (status === 409 && failure instanceof TabApiError && failure.code === 'extension_refused') return t(locale, 'errors.extensionRefused');
  if (status === 409) return tabText(locale, what === 'open' ? 'taskCase.notPossible' : 'taskForm.notPossible');
  return tabText(locale, what === 'open' ? 'taskCase.failed' : 'taskForm.failed');
}
