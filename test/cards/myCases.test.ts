import { CASE_STATES } from '../../bot/domain/caseLifecycle';
import { LOCALES } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { renderMyCases } from '../../cards/myCases';
import { actions, ofType, visibleTexts } from './cardChecks';

describe('renderMyCases', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(CASE_STATES)('when a case is %s, then its reference, kind, state name, what that state means and the date are listed', (state) => {
      const card = renderMyCases({ locale, cases: [{ caseId: 'case-1', route: 'line_manager' as const, reference: 'VM-7K3Q-9DX2', kind: 'complaint', state, receivedOn: '2025-03-28' }], more: false });
      const texts = visibleTexts(card);
      expect(texts).toEqual(
        expect.arrayContaining([
          'VM-7K3Q-9DX2',
          t(locale, 'kinds.complaint.title'),
          t(locale, `states.${state}.title`),
          t(locale, `states.${state}.hint`),
          locale === 'nl' ? '28 maart 2025' : '28 March 2025',
        ]),
      );
    });

    it('when the date comes already formatted, then it is shown as given', () => {
      const card = renderMyCases({ locale, cases: [{ caseId: 'case-1', route: 'line_manager' as const, reference: 'VM-7K3Q-9DX2', kind: 'report', state: 'closed', receivedOn: '28 maart 2025' }], more: false });
      expect(visibleTexts(card)).toContain('28 maart 2025');
    });

    it('when there are no cases, then it says so and offers to make a report', () => {
      const card = renderMyCases({ locale, cases: [], more: false });
      expect(visibleTexts(card)).toContain(t(locale, 'myCases.empty'));
      expect(actions(card).map((a) => a.title)).toContain(t(locale, 'common.makeReport'));
      expect(ofType(card, 'FactSet')).toEqual([]);
    });

    it('when there are cases, then "empty" is not said and each case is listed once', () => {
      const cases = CASE_STATES.map((state, i) => ({ caseId: `case-${i}`, route: 'meldpunt' as const, reference: `VM-7K3Q-9DX${i + 3}`, kind: 'report' as const, state, receivedOn: '2025-03-28' }));
      const card = renderMyCases({ locale, cases, more: false });
      expect(visibleTexts(card)).not.toContain(t(locale, 'myCases.empty'));
      expect(ofType(card, 'FactSet')).toHaveLength(cases.length);
    });

    it('when a case is listed, then it says where it went and the one next deadline, and has a button that opens its dialog', () => {
      const card = renderMyCases({
        locale,
        cases: [{ caseId: 'case-1', route: 'vertrouwenspersoon', reference: 'VM-7K3Q-9DX2', kind: 'advice', state: 'submitted', receivedOn: '28 maart 2025', nextDeadline: { clock: 'contact', due: '1 april 2025' } }],
        more: false,
      });
      expect(visibleTexts(card)).toEqual(
        expect.arrayContaining([t(locale, 'receipt.routeShort.vertrouwenspersoon'), t(locale, 'receipt.deadline.contact', { date: '1 april 2025' })]),
      );
      const open = actions(card).find((action) => action.title === t(locale, 'myCases.open', { reference: 'VM-7K3Q-9DX2' }));
      expect(open).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'caseMessages', nav: 'next', caseId: 'case-1' } } });
      const closed = renderMyCases({ locale, cases: [{ caseId: 'case-2', route: 'meldpunt', reference: 'VM-7K3Q-9DX3', kind: 'report', state: 'closed', receivedOn: 'x' }], more: false });
      expect(visibleTexts(closed).some((text) => text.includes(t(locale, 'receipt.deadline.feedback', { date: '' }).slice(0, 8)))).toBe(false);
    });

    it('when more cases exist than listed, then the card says so', () => {
      const one = [{ caseId: 'case-1', route: 'line_manager' as const, reference: 'VM-7K3Q-9DX2', kind: 'report' as const, state: 'submitted' as const, receivedOn: '2025-03-28' }];
      expect(visibleTexts(renderMyCases({ locale, cases: one, more: true }))).toContain(t(locale, 'myCases.more'));
      expect(visibleTexts(renderMyCases({ locale, cases: one, more: false }))).not.toContain(t(locale, 'myCases.more'));
    });

    it('when shown, then it explains that anonymous reports are followed with reference and secret, and offers refresh, anonymous status and back', () => {
      const card = renderMyCases({ locale, cases: [], more: false });
      expect(visibleTexts(card)).toContain(t(locale, 'myCases.anonymousNote'));
      const byTitle = Object.fromEntries(actions(card).map((a) => [a.title, a]));
      expect(byTitle[t(locale, 'myCases.refresh')]).toMatchObject({ type: 'Action.Execute', verb: 'showMyCases' });
      expect(byTitle[t(locale, 'common.backToStart')]).toMatchObject({ type: 'Action.Execute', verb: 'showWelcome' });
      expect(byTitle[t(locale, 'common.anonymousStatus')]).toMatchObject({ data: { vm: { dialog: 'anonymousStatus' } } });
    });
  });
});
