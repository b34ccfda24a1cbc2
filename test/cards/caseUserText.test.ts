import { renderCaseDetails } from '../../cards/caseDetails';
import { renderHandlerAction } from '../../cards/handlerAction';
import { renderReporterCase } from '../../cards/reporterCase';
import { renderWithdraw } from '../../cards/withdraw';
import { inputs, ofType, vmOf, actions, visibleTexts } from './cardChecks';
import { caseDetailsView, handlerActionView, reporterCaseView, REFERENCE } from './caseCardViews';

/** Strings a user could type that are template syntax, markup or markdown. */
const HOSTILE = ['${$root.caseId}', "${if(true,'x','y')}", '${json($root)}', '<script>alert("x")</script>', '[klik hier](https://phish.example/login)', '**vet**'];

function textRuns(card: object): unknown[] {
  return ofType(card, 'TextRun').map((run) => run.text);
}

describe('user text on the case cards', () => {
  it.each(HOSTILE)('when the report and the messages hold %s, then the handler sees it literally in text runs and nothing is evaluated', (typed) => {
    const card = renderCaseDetails(
      caseDetailsView('nl', {
        caseId: 'CASE-ID-NOT-FOR-TEXT',
        reporterName: typed,
        involved: typed,
        location: typed,
        description: typed,
        messages: [{ from: 'reporter', kind: 'answer', at: '1 mei 2025', text: typed }],
      }),
    );
    expect(textRuns(card).filter((text) => text === typed)).toHaveLength(5);
    expect(ofType(card, 'TextBlock').map((block) => block.text)).not.toContain(typed);
    expect(visibleTexts(card).join('\n')).not.toContain('CASE-ID-NOT-FOR-TEXT');
  });

  it.each(HOSTILE)('when a handler typed %s and the form comes back, then the box holds it literally', (typed) => {
    const card = renderHandlerAction(handlerActionView('en', 'close', { message: typed }));
    expect(inputs(card).find((input) => input.id === 'message')?.value).toBe(typed);
  });

  it('when a handler typed template syntax in the reporter’s thread, then the reporter sees it literally and the secret stays in the buttons only', () => {
    const card = renderReporterCase(
      reporterCaseView('en', { caseId: undefined, secret: 'S3CR3T', messages: [{ from: 'handler', kind: 'question', at: '1 May 2025', text: '${$root.vm.send.secret}' }] }),
    );
    expect(textRuns(card)).toContain('${$root.vm.send.secret}');
    expect(visibleTexts(card).join('\n')).not.toContain('S3CR3T');
  });

  it('when a secret or reference looks like template syntax, then the buttons send it back unchanged', () => {
    const card = renderWithdraw({ locale: 'nl', reference: REFERENCE, secret: '${$root.lang}' });
    expect(actions(card).map((action) => vmOf(action).secret)).toEqual(['${$root.lang}', '${$root.lang}']);
  });
});
