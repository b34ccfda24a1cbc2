/** Who wrote a message in a case's conversation. */
export type CaseMessageAuthor = 'handler' | 'reporter';

/** What a message in a case's conversation is: the handler's update, question, closing message, postponement notice or identity request; the reporter's answer or added information. */
export type CaseMessageKind = 'update' | 'question' | 'answer' | 'information' | 'closing' | 'extension' | 'identityRequest';
