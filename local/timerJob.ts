import { Cron } from 'croner';

/** The schedule status a timer function receives, as ISO strings (the library's `Timer.scheduleStatus`). */
export interface TimerScheduleStatus {
  last: string;
  next: string;
  lastUpdated: string;
}

/** Runs one invocation of the timer function; rejects if the handler failed (after logging it). */
export type TimerRun = (status: TimerScheduleStatus) => Promise<void>;

/** Where a job reports what it decided not to do. */
export type TimerLog = (message: string) => void;

/**
 * One timer function's schedule. Runs never overlap: a tick that comes while the previous run is
 * still going is skipped, as the Functions host does with its singleton lock for timers.
 */
export class TimerJob {
  readonly #cron: Cron;
  readonly #run: TimerRun;
  readonly #log: TimerLog;
  #running: Promise<void> | undefined;
  #lastRun: Date | undefined;

  /**
   * @param schedule a six-field NCRONTAB expression (see `resolveSchedule`)
   * @param timezone IANA zone the schedule is read in; Azure reads schedules in UTC unless
   *   `WEBSITE_TIME_ZONE` says otherwise
   * @throws if croner cannot parse the schedule
   */
  constructor(
    readonly name: string,
    readonly schedule: string,
    timezone: string,
    run: TimerRun,
    log: TimerLog,
  ) {
    // NCRONTAB (the host's parser) requires day-of-month AND day-of-week to match when both are
    // set; croner's default is the Vixie-cron OR.
    this.#cron = new Cron(schedule, { mode: '6-part', timezone, domAndDow: true });
    this.#run = run;
    this.#log = log;
  }

  /** Starts firing on the schedule. */
  start(): void {
    this.#cron.schedule(() => this.#tick());
  }

  /**
   * Runs the function once now, after any run in progress, and settles with that run's outcome.
   * Used by `LocalHost.runTimer` and by tests.
   */
  async runNow(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
    await this.#runOnce();
  }

  /** Stops the schedule and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    this.#cron.stop();
    while (this.#running) await this.#running.catch(() => undefined);
  }

  #tick(): void {
    if (this.#running) {
      this.#log(`Timer "${this.name}": skipped a tick because the previous run is still going.`);
      return;
    }
    // The run has logged its own failure with a correlation id; a failed tick must neither stop
    // the schedule nor reach the process as an unhandled rejection.
    this.#runOnce().catch(() => undefined);
  }

  #runOnce(): Promise<void> {
    const now = new Date();
    const status: TimerScheduleStatus = {
      last: (this.#lastRun ?? now).toISOString(),
      next: (this.#cron.nextRun(now) ?? now).toISOString(),
      lastUpdated: now.toISOString(),
    };
    this.#lastRun = now;
    const running = this.#run(status).finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }
}
