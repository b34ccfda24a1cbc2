/** The longest reason a handler may give for asking a confidential reporter who they are: the form's limit (the bot checks the same). */
export const IDENTITY_REASON_MAX_LENGTH = 1_000;
