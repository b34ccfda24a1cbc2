import { DomainError } from './errors';

/** The case states (DOMAIN.md lifecycle; `draft` lives in the draft store, not here). */
export const CASE_STATES = ['submitted', 'acknowledged', 'in_progress', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** What can happen to a case. */
export type CaseAction =
  | 'acknowledge'
  | 'sendUpdate'
  | 'askQuestion'
  | 'answerQuestion'
  | 'addInformation'
  | 'reassign'
  | 'close'
  | 'withdraw'
  | 'giveFeedback';

/** How a handler can close a case (the close form's choices). */
export const HANDLER_OUTCOMES = ['resolved', 'referred', 'no_further_action'] as const;
export type HandlerOutcome = (typeof HANDLER_OUTCOMES)[number];

/** How a case ended: closed by its handler, or withdrawn by the reporter. */
export const CASE_OUTCOMES = [...HANDLER_OUTCOMES, 'withdrawn'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The action does not fit the case's state (e.g. closing a closed case, answering when nothing was asked). */
export class IllegalTransitionError extends DomainError {
  readonly code = 'illegal_transition';
  readonly messageKey = 'illegalTransition';
  constructor(
    readonly from: CaseState,
    readonly action: CaseAction,
  ) {
    super(`${action} is not possible in state ${from}`);
  }
}

export interface TransitionContext {
  /** The handler asked a question that is not answered yet. */
  openQuestion: boolean;
  /** The reporter already answered the closing questions. */
  feedbackGiven: boolean;
}

/**
 * The state machine. An update or a question on a case that was not acknowledged yet counts as
 * the acknowledgement (the use case records that event too), so a handler never has to press
 * two buttons to tell a reporter something.
 */
export function nextState(from: CaseState, action: CaseAction, context: TransitionContext): CaseState {
  const refuse = (): never => {
    throw new IllegalTransitionError(from, action);
  };
  if (action === 'giveFeedback') return from === 'closed' && !context.feedbackGiven ? 'closed' : refuse();
  if (from === 'closed') return refuse();
  switch (action) {
    case 'acknowledge':
      return from === 'submitted' ? 'acknowledged' : refuse();
    case 'sendUpdate':
    case 'askQuestion':
      return 'in_progress';
    case 'answerQuestion':
      return context.openQuestion ? from : refuse();
    case 'addInformation':
    case 'reassign':
      return from;
    case 'close':
    case 'withdraw':
      return 'closed';
  }
}
