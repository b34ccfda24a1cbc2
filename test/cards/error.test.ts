import { LOCALES } from '../../bot/domain/locale';
import { renderError } from '../../cards/error';
import { t } from '../../cards/i18n';
import { actions, visibleTexts } from './cardChecks';

const CORRELATION_ID = '4f9c0e7a-2b1d-4c8e-9a3f-6d5b7e1c2a90';

describe('renderError', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(['generic', 'concurrency', 'notFound', 'forbidden', 'validation', 'draftExpired'] as const)(
      'when the error is %s, then its friendly message and the correlation id line are shown',
      (key) => {
        const card = renderError({ locale, messageKey: key, correlationId: CORRELATION_ID });
        expect(visibleTexts(card)).toEqual([t(locale, 'errors.title'), t(locale, `errors.${key}`), t(locale, 'errors.correlation', { id: CORRELATION_ID })]);
      },
    );

    it('when the key is given with its group, then it is understood the same', () => {
      const card = renderError({ locale, messageKey: 'errors.concurrency', correlationId: CORRELATION_ID });
      expect(visibleTexts(card)).toContain(t(locale, 'errors.concurrency'));
    });

    it('when the key is unknown, then the generic message is shown and never the key', () => {
      const card = renderError({ locale, messageKey: 'TypeError: cannot read x', correlationId: CORRELATION_ID });
      expect(visibleTexts(card)).toContain(t(locale, 'errors.generic'));
      expect(JSON.stringify(card)).not.toContain('TypeError');
    });

    it('when shown, then it has no buttons, so it works in a dialog as well as in the chat', () => {
      expect(actions(renderError({ locale, messageKey: 'generic', correlationId: CORRELATION_ID }))).toEqual([]);
    });
  });
});
