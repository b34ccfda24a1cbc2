import { LOCALES } from '../../bot/domain/locale';
import { renderCaseDetails } from '../../cards/caseDetails';
import { HISTORY_LINES_SHOWN } from '../../cards/caseHistory';
import { t } from '../../cards/i18n';
import { actions, bodyOf, inputs, MAX_CARD_BYTES, ofType, sizeInBytes, vmOf, visibleTexts } from './cardChecks';
import { CASE_ID, caseDetailsView, longHistory, REFERENCE, SOME_MESSAGES, worstCaseDetailsView } from './caseCardViews';

/** The text runs (plain text, no markdown) of the card. */
function textRuns(card: object): string[] {
  return ofType(card, 'TextRun').map((run) => run.text as string);
}

describe('renderCaseDetails', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when opened, then the reminder that this is confidential comes first', () => {
      const card = renderCaseDetails(caseDetailsView(locale));
      expect(visibleTexts(bodyOf(card)[0])).toEqual([t(locale, 'handler.details.confidential')]);
      expect(visibleTexts(card)).toContain(t(locale, 'handler.details.title', { reference: REFERENCE }));
    });

    it('when the report is named, then what was typed and the name are shown as plain text runs, never as markdown', () => {
      const view = caseDetailsView(locale);
      const card = renderCaseDetails(view);
      for (const typed of [view.reporterName, view.involved, view.location, view.description]) {
        expect(textRuns(card)).toContain(typed);
        expect(ofType(card, 'TextBlock').map((block) => block.text)).not.toContain(typed);
      }
      expect(textRuns(card)).toContain(locale === 'nl' ? '14 maart 2025' : '14 March 2025');
    });

    it('when the report is confidential, then no name is shown, even if one was handed in', () => {
      const card = renderCaseDetails(caseDetailsView(locale, { identity: 'confidential', reporterName: 'Sanne de Vries' }));
      expect(JSON.stringify(card)).not.toContain('Sanne de Vries');
      expect(textRuns(card)).toContain(t(locale, 'handler.details.reporterConfidential'));
    });

    it('when the report is anonymous, then it says nobody knows who it is', () => {
      const card = renderCaseDetails(caseDetailsView(locale, { identity: 'anonymous', reporterName: undefined }));
      expect(textRuns(card)).toContain(t(locale, 'handler.details.reporterAnonymous'));
    });

    it('when optional answers are missing, then they read "not answered"', () => {
      const card = renderCaseDetails(caseDetailsView(locale, { involved: undefined, location: undefined, incidentDate: undefined }));
      expect(textRuns(card).filter((text) => text === t(locale, 'common.notAnswered'))).toHaveLength(3);
    });

    it('when rendered, then the facts show categories, wish for a counsellor and danger in words', () => {
      const card = renderCaseDetails(caseDetailsView(locale));
      const facts = ofType(card, 'FactSet')[0].facts as { title: string; value: string }[];
      expect(facts).toEqual(
        expect.arrayContaining([
          { title: t(locale, 'handler.details.categories'), value: `${t(locale, 'categories.bullying.title')}, ${t(locale, 'categories.discrimination.title')}` },
          { title: t(locale, 'handler.details.counsellor'), value: t(locale, 'common.yes') },
          { title: t(locale, 'handler.details.danger'), value: t(locale, 'common.no') },
        ]),
      );
    });

    it('when someone was in immediate danger, then a red warning is shown near the top', () => {
      const card = renderCaseDetails(caseDetailsView(locale, { immediateDanger: true }));
      expect(bodyOf(card)[2]).toMatchObject({ type: 'Container', style: 'attention' });
      expect(visibleTexts(bodyOf(card)[2])).toEqual([t(locale, 'handler.details.dangerWarning')]);
      expect(visibleTexts(renderCaseDetails(caseDetailsView(locale)))).not.toContain(t(locale, 'handler.details.dangerWarning'));
    });

    it('when rendered, then the routing reason is one plain sentence; an unknown reason says it was not recorded', () => {
      expect(visibleTexts(renderCaseDetails(caseDetailsView(locale, { routingReasonKey: 'routing.r5_manager_involved' })))).toContain(
        t(locale, 'routing.r5_manager_involved'),
      );
      const unknown = renderCaseDetails(caseDetailsView(locale, { routingReasonKey: 'routing.nope' }));
      expect(visibleTexts(unknown)).toContain(t(locale, 'routing.unknown'));
      expect(JSON.stringify(unknown)).not.toContain('routing.nope');
    });

    it('when there are messages, then each shows who, what kind and when, then its text, oldest first', () => {
      const runs = textRuns(renderCaseDetails(caseDetailsView(locale)));
      const expected = SOME_MESSAGES.flatMap((message) => [
        t(locale, message.from === 'handler' ? 'caseThread.handler' : 'caseThread.reporter'),
        ` · ${t(locale, `caseThread.kinds.${message.kind}`)} · ${message.at}`,
        message.text,
      ]);
      expect(runs.slice(-expected.length)).toEqual(expected);
    });

    it('when there are no messages, then it says so', () => {
      expect(visibleTexts(renderCaseDetails(caseDetailsView(locale, { messages: [] })))).toContain(t(locale, 'handler.details.noMessages'));
    });

    it('when the history is long, then the most recent lines are shown and how many earlier ones are not', () => {
      const history = longHistory(HISTORY_LINES_SHOWN + 7);
      const texts = visibleTexts(renderCaseDetails(caseDetailsView(locale, { history })));
      expect(texts).toContain(t(locale, 'handler.details.historyOmittedMany', { count: 7 }));
      const historyTexts = texts.filter((text) => history.some((entry) => t(locale, entry.eventKey as 'history.submitted') === text));
      expect(historyTexts).toHaveLength(HISTORY_LINES_SHOWN);
    });

    it('when a history event is unknown, then it reads "other event", never the raw key', () => {
      const card = renderCaseDetails(caseDetailsView(locale, { history: [{ at: '1 mei 2025', eventKey: 'history.nope' }] }));
      expect(visibleTexts(card)).toContain(t(locale, 'history.other'));
      expect(JSON.stringify(card)).not.toContain('history.nope');
    });

    it('when rendered, then it has no inputs and one Close button naming the dialog and case', () => {
      const card = renderCaseDetails(caseDetailsView(locale));
      expect(inputs(card)).toEqual([]);
      expect(actions(card).map((action) => [action.title, vmOf(action)])).toEqual([[t(locale, 'common.close'), { dialog: 'caseDetails', nav: 'close', caseId: CASE_ID }]]);
    });

    it('when the case holds the most text it can, then the card stays under 28 KB with the report in full and the newest messages, and says not all fit', () => {
      const view = worstCaseDetailsView(locale);
      const card = renderCaseDetails(view);
      expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(textRuns(card)).toEqual(expect.arrayContaining([view.description, view.involved, view.location]));
      const note = ofType(card, 'TextBlock').find((block) => block.color === 'warning');
      expect(note?.text).toMatch(locale === 'nl' ? /^Niet alles past in dit venster\. \d+ oudere berichten/ : /^Not everything fits in this window\. \d+ older messages/);
      const newest = view.messages[view.messages.length - 1];
      expect(textRuns(card)).toContain(` · ${t(locale, `caseThread.kinds.${newest.kind}`)} · ${newest.at}`);
    });
  });
});
