/** The containers of the store, one per repository; in the embedded store, also the log file names. */
export const CONTAINER_NAMES = {
  drafts: 'drafts',
  cases: 'cases',
  conversationReferences: 'conversationReferences',
  relayAddresses: 'relayAddresses',
  outbox: 'outbox',
  purgeLog: 'purgeLog',
  audit: 'audit',
  teams: 'teams',
  teamActions: 'teamActions',
  attempts: 'attempts',
} as const;
