import { CASE_STATES } from '../../bot/domain/caseLifecycle';
import { LOCALES } from '../../bot/domain/locale';
import { renderAnonymousStatus } from '../../cards/anonymousStatus';
import { t } from '../../cards/i18n';
import { actions, inputs, vmOf, visibleTexts } from './cardChecks';

describe('renderAnonymousStatus', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when opened, then it asks for reference and secret code, both required, the code hidden as a password', () => {
      const card = renderAnonymousStatus({ locale });
      expect(inputs(card).map((i) => [i.id, i.isRequired, i.style])).toEqual([
        ['reference', true, undefined],
        ['secret', true, 'password'],
      ]);
      expect(visibleTexts(card)).toContain(t(locale, 'anonymousStatus.lostSecret'));
    });

    it('when opened, then Check sends checkStatus with the inputs and Close sends none of them', () => {
      const card = renderAnonymousStatus({ locale });
      expect(actions(card).map((a) => [vmOf(a), a.associatedInputs])).toEqual([
        [{ dialog: 'anonymousStatus', nav: 'checkStatus' }, undefined],
        [{ dialog: 'anonymousStatus', nav: 'close' }, 'none'],
      ]);
    });

    it('when reference and code did not match, then the error is shown in red and the reference is kept, but never a secret', () => {
      const card = renderAnonymousStatus({ locale, reference: 'VM-7K3Q-9DX2', error: 'referenceOrSecretWrong' });
      expect(inputs(card).find((i) => i.id === 'reference')?.value).toBe('VM-7K3Q-9DX2');
      expect(inputs(card).find((i) => i.id === 'secret')?.value).toBeUndefined();
      expect(visibleTexts(card)).toContain(t(locale, 'validation.referenceOrSecretWrong'));
      expect(JSON.stringify(card)).toContain('"attention"');
    });

    it('when nothing was typed, then the error names both fields', () => {
      expect(visibleTexts(renderAnonymousStatus({ locale, reference: '', error: 'required' }))).toContain(t(locale, 'anonymousStatus.bothRequired'));
    });

    it.each(CASE_STATES)('when the check succeeded and the case is %s, then the state is shown, without the form', (state) => {
      const card = renderAnonymousStatus({ locale, result: { reference: 'VM-7K3Q-9DX2', kind: 'report', state, receivedOn: '2025-03-28' } });
      expect(inputs(card)).toEqual([]);
      expect(visibleTexts(card)).toEqual(expect.arrayContaining(['VM-7K3Q-9DX2', t(locale, `states.${state}.title`), t(locale, `states.${state}.hint`)]));
      expect(actions(card).map(vmOf)).toEqual([{ dialog: 'anonymousStatus', nav: 'close' }]);
    });
  });
});
