/** The source of time. Domain and use-case code never call `new Date()` themselves. */
export interface Clock {
  now(): Date;
}

/** The real clock, for production. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Real time plus an offset that only grows: local mode's clock, which `POST /api/dev/clock` moves
 * forward so a demo can watch a case go late. Never used in production.
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += milliseconds;
  }
}
