import { renderCard } from '../../cards/renderCard';
import { renderNotice } from '../../cards/notice';
import { renderWizardReview } from '../../cards/wizardReview';
import { renderWizardStep } from '../../cards/wizardStep';
import { inputs, ofType, visibleTexts } from './cardChecks';
import { FULL_ANSWERS, stepView } from './cardViews';

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${text}' },
    { type: 'TextBlock', text: 'Je schreef: ${text}' },
    { type: 'Container', $data: '${items}', items: [{ type: 'TextBlock', text: '${line}' }] },
  ],
};

/** Strings a user could type that are template syntax, markup or markdown. */
const HOSTILE = [
  '${$root.secret}',
  "${if(true,'x','y')}",
  '${json($root)}',
  '$when',
  '<script>alert("x")</script>',
  '[klik hier](https://phish.example/login)',
  '**vet** _schuin_ `code`',
  '{{DATE(2025-03-14T10:00:00Z, SHORT)}}',
];

describe('renderCard', () => {
  it.each(HOSTILE)('when user text is %s, then it is rendered literally and never evaluated', (typed) => {
    const card = renderCard(TEMPLATE, { text: typed, items: [{ line: typed }], secret: 'S3CR3T-ROOT' });
    expect(visibleTexts(card)).toEqual([typed, `Je schreef: ${typed}`, typed]);
    expect(JSON.stringify(card)).not.toContain('S3CR3T-ROOT');
  });

  it('when a value is an expression result, then the template still works: the same template renders different data', () => {
    expect(visibleTexts(renderCard(TEMPLATE, { text: 'a', items: [] }))).toEqual(['a', 'Je schreef: a']);
    expect(visibleTexts(renderCard(TEMPLATE, { text: 'b', items: [{ line: 'c' }, { line: 'd' }] }))).toEqual(['b', 'Je schreef: b', 'c', 'd']);
  });

  it('when text is very long, then nothing is cut off', () => {
    const long = 'x'.repeat(10_000);
    expect(visibleTexts(renderCard(TEMPLATE, { text: long, items: [] }))[0]).toHaveLength(10_000);
  });

  it('when the template is not an Adaptive Card, then it throws instead of sending something broken', () => {
    expect(() => renderCard({ type: 'TextBlock', text: '${x}' }, { x: 1 })).toThrow(/AdaptiveCard/);
  });

  describe('through the real cards', () => {
    it.each(HOSTILE)('when a reporter typed %s in the wizard, then the input shows it literally', (typed) => {
      const answers = { ...FULL_ANSWERS, description: typed, location: typed, involved: typed };
      for (const step of ['details', 'involved'] as const) {
        for (const input of inputs(renderWizardStep(stepView(step, 'nl', { answers }))).filter((i) => i.type === 'Input.Text')) {
          expect(input.value).toBe(typed);
        }
      }
    });

    it.each(HOSTILE)('when a reporter typed %s, then the review shows it literally in a text run and the root data stays hidden', (typed) => {
      const card = renderWizardReview({
        locale: 'en',
        draftId: 'draft-1',
        submissionId: 'SUBMISSION-ID-NOT-FOR-TEXT',
        stepNumber: 7,
        totalSteps: 7,
        answers: { ...FULL_ANSWERS, description: typed, involved: '${$root.submissionId}' },
      });
      const runs = ofType(card, 'TextRun').map((run) => run.text);
      expect(runs).toContain(typed);
      expect(runs).toContain('${$root.submissionId}');
      expect(visibleTexts(card).join('\n')).not.toContain('SUBMISSION-ID-NOT-FOR-TEXT');
    });

    it('when notice parameters hold template syntax, then they are shown literally', () => {
      const card = renderNotice({ locale: 'nl', titleKey: 'errors.title', textKey: 'errors.correlation', params: { id: '${$root.lang}' } });
      expect(ofType(card, 'TextRun')[0].text).toContain('${$root.lang}');
    });
  });
});
