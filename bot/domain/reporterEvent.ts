/** What happened to a case, as told to its reporter in their chat (no content, no names). */
export type ReporterEvent = 'acknowledged' | 'update' | 'question' | 'reassigned' | 'closed' | 'withdrawn' | 'late' | 'extended';
