/** A sliding window: at most `limit` calls in any `windowMs`. */
interface Window {
  limit: number;
  windowMs: number;
}

/** Teams' documented limits for a bot (Microsoft Learn, "Optimize your bot with rate limiting and best practices in Teams": https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): per conversation 7 per second and 60 per 30 s; per app per tenant 30 per second. */
export const TEAMS_PER_CONVERSATION: readonly Window[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 60, windowMs: 30_000 },
];
export const TEAMS_PER_APP: readonly Window[] = [{ limit: 30, windowMs: 1_000 }];

/**
 * What the fake connector enforces, as Teams does: a call is admitted when every window of its
 * conversation and of the app allows one more (it is then counted in all of them), else refused
 * with the time until it would be admitted; and a share of calls is refused at random anyway
 * (`randomRefusal`, Teams' 429s that no client can avoid). Refused calls are not counted.
 * Time and randomness are injected, so tests need no clock.
 */
export class TeamsRateLimits {
  private readonly logs = new Map<string, number[]>();
  admitted = 0;
  refusedByLimit = 0;
  refusedAtRandom = 0;

  constructor(
    private readonly now: () => number,
    private readonly random: () => number,
    private readonly randomRefusal = 0.1,
  ) {}

  /** 0 when admitted; otherwise milliseconds until it would be (at least 1). */
  admit(conversationId: string): number {
    if (this.random() < this.randomRefusal) {
      this.refusedAtRandom += 1;
      return 1_000;
    }
    const now = this.now();
    const keys: [string, readonly Window[]][] = [
      [`conversation:${conversationId}`, TEAMS_PER_CONVERSATION],
      ['app', TEAMS_PER_APP],
    ];
    const wait = Math.max(0, ...keys.map(([key, windows]) => this.waitFor(key, windows, now)));
    if (wait > 0) {
      this.refusedByLimit += 1;
      return wait;
    }
    for (const [key, windows] of keys) {
      const log = this.logs.get(key) ?? [];
      log.push(now);
      const longest = Math.max(...windows.map((window) => window.windowMs));
      while (log.length > 0 && log[0] <= now - longest) log.shift();
      this.logs.set(key, log);
    }
    this.admitted += 1;
    return 0;
  }

  private waitFor(key: string, windows: readonly Window[], now: number): number {
    const log = this.logs.get(key) ?? [];
    let wait = 0;
    for (const { limit, windowMs } of windows) {
      const inWindow = log.filter((time) => time > now - windowMs);
      if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit] + windowMs - now);
    }
    return wait;
  }
}
