/** The source of time. Domain and use-case code never call `new Date()` themselves. */
export interface Clock {
  now(): Date;
}

/** The real clock, for production. */
export const systemClock: Clock = { now: () => new Date() };
