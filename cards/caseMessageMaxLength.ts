/**
 * The longest message a handler or reporter can type in a case dialog (update, question, answer,
 * added information, reason, closing message). The inputs' `maxLength`; the bot validates it too.
 */
export const CASE_MESSAGE_MAX_LENGTH = 4_000;
