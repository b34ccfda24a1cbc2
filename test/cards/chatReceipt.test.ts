import { LOCALES } from '../../bot/domain/locale';
import { REQUEST_KINDS } from '../../bot/domain/report';
import { renderChatReceipt } from '../../cards/chatReceipt';
import { t } from '../../cards/i18n';
import { actions, visibleTexts } from './cardChecks';

describe('renderChatReceipt', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(REQUEST_KINDS)('when a %s was received, then reference, kind, next step and deadline are shown, and that the content is not in the chat', (kind) => {
      const card = renderChatReceipt({ locale, reference: 'VM-7K3Q-9DX2', kind, nextStepBy: '2 april 2025 om 17:00', route: 'meldpunt', nextDeadline: { clock: 'acknowledge', due: '2 april 2025 om 17:00' } });
      expect(visibleTexts(card)).toEqual(
        expect.arrayContaining([
          'VM-7K3Q-9DX2',
          t(locale, `kinds.${kind}.title`),
          '2 april 2025 om 17:00',
          t(locale, 'receipt.routeShort.meldpunt'),
          t(locale, 'receipt.route.meldpunt'),
          t(locale, 'receipt.deadline.acknowledge', { date: '2 april 2025 om 17:00' }),
          t(locale, 'chatReceipt.private'),
        ]),
      );
      // One route, one deadline: never the line's and the Meldpunt's timelines together.
      expect(visibleTexts(card)).not.toContain(t(locale, 'kinds.report.next'));
    });

    it('when shown, then "my reports" is a chat verb and "make a report" opens the wizard dialog', () => {
      const card = renderChatReceipt({ locale, reference: 'VM-7K3Q-9DX2', kind: 'report', nextStepBy: 'x', route: 'line_manager' });
      expect(actions(card)).toEqual([
        { type: 'Action.Execute', title: t(locale, 'common.myCases'), verb: 'showMyCases', data: {} },
        { type: 'Action.Submit', title: t(locale, 'common.makeReport'), data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'wizard', nav: 'next' } } },
      ]);
    });
  });
});
