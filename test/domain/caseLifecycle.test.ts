import { CASE_STATES, IllegalTransitionError, nextState, type CaseAction, type CaseState } from '../../bot/domain/caseLifecycle';

const quiet = { openQuestion: false, feedbackGiven: false };
const asked = { openQuestion: true, feedbackGiven: false };

describe('case lifecycle', () => {
  it.each<[CaseState, CaseAction, CaseState | 'refused', typeof quiet]>([
    ['submitted', 'acknowledge', 'acknowledged', quiet],
    ['acknowledged', 'acknowledge', 'refused', quiet],
    ['in_progress', 'acknowledge', 'refused', quiet],
    ['submitted', 'sendUpdate', 'in_progress', quiet],
    ['acknowledged', 'sendUpdate', 'in_progress', quiet],
    ['in_progress', 'askQuestion', 'in_progress', quiet],
    ['in_progress', 'answerQuestion', 'in_progress', asked],
    ['in_progress', 'answerQuestion', 'refused', quiet],
    ['submitted', 'addInformation', 'submitted', quiet],
    ['acknowledged', 'reassign', 'acknowledged', quiet],
    ['in_progress', 'close', 'closed', quiet],
    ['submitted', 'withdraw', 'closed', quiet],
    ['closed', 'giveFeedback', 'closed', quiet],
    ['closed', 'giveFeedback', 'refused', { openQuestion: false, feedbackGiven: true }],
    ['in_progress', 'giveFeedback', 'refused', quiet],
  ])('when the case is %s and the action is %s, then it becomes %s', (from, action, expected, context) => {
    if (expected === 'refused') expect(() => nextState(from, action, context)).toThrow(IllegalTransitionError);
    else expect(nextState(from, action, context)).toBe(expected);
  });

  it('when a case is closed, then every action except feedback is refused', () => {
    for (const action of ['acknowledge', 'sendUpdate', 'askQuestion', 'answerQuestion', 'addInformation', 'reassign', 'close', 'withdraw'] as const) {
      expect(() => nextState('closed', action, asked)).toThrow(IllegalTransitionError);
    }
    expect(CASE_STATES).toContain('closed');
  });
});
