/** The "discussed"/"skipped" form of a topic card: the card's input limits, and what the bot accepts. */

/** Longest meeting notes. */
export const NOTES_MAX_LENGTH = 500;
/** Longest text of one agreed action. */
export const ACTION_TEXT_MAX_LENGTH = 200;
/** Longest reason for skipping a topic. */
export const SKIP_REASON_MAX_LENGTH = 300;
/** The action slots of the "discussed" form: inputs `action{n}Text`, `action{n}Owner`, `action{n}Due`. */
export const ACTION_SLOTS = [1, 2, 3] as const;
