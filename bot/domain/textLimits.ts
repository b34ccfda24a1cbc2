/**
 * The longest message a handler or reporter can type in a case dialog (update, question, answer,
 * added information, reason, closing message): the cards' `maxLength`, and what the bot accepts.
 * In a module of its own (no imports) so the tab's bundle can take it without the parser.
 */
export const CASE_MESSAGE_MAX_LENGTH = 4_000;

/** The longest lesson for the teams, as long as a library topic's introduction (the close form's and the review form's `maxLength`). */
export const LESSON_TEXT_MAX_LENGTH = 600;

/** The longest reason a handler may give for asking a confidential reporter who they are (form and check). */
export const IDENTITY_REASON_MAX_LENGTH = 1_000;
