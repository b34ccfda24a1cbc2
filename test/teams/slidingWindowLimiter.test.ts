import { SlidingWindowLimiter, type LimitedKey } from '../../bot/teams/slidingWindowLimiter';

/** A limiter on a manual clock: sleeping moves the clock and is recorded. */
function limiterOnManualTime() {
  let now = 0;
  const sleeps: number[] = [];
  const limiter = new SlidingWindowLimiter(
    () => now,
    async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  );
  return { limiter, sleeps, now: () => now };
}

/** The most events in any window [t, t + windowMs) that starts at an event. */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

const conversation = (id: string): LimitedKey => ({ key: id, limits: [{ limit: 7, windowMs: 1_000 }, { limit: 8, windowMs: 2_000 }] });

describe('SlidingWindowLimiter', () => {
  it('when 20 events go through one key, then no window holds more than its limit, and it waits only as long as needed', async () => {
    const { limiter, now } = limiterOnManualTime();
    const times: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      await limiter.acquire([conversation('a')]);
      times.push(now());
    }

    expect(busiestWindow(times, 1_000)).toBe(7);
    expect(busiestWindow(times, 2_000)).toBe(8);
    // A burst of 7, the 8th when the first second is over, then 8 per 2 s: each as early as allowed.
    expect(times).toEqual([...Array(7).fill(0), 1_000, ...Array(7).fill(2_000), 3_000, ...Array(4).fill(4_000)]);
  });

  it('when a caller may wait at most 500 ms and the limit needs a full second, then it is refused at once with the wait, nothing is counted, and a patient caller still gets the slot', async () => {
    const { limiter, sleeps, now } = limiterOnManualTime();
    for (let index = 0; index < 7; index += 1) await limiter.acquire([conversation('a')], 500);

    await expect(limiter.acquire([conversation('a')], 500)).rejects.toMatchObject({ name: 'RateLimitWait', waitMs: 1_000 });
    expect(sleeps).toEqual([]);

    await expect(limiter.acquire([conversation('a')])).resolves.toBe(1_000);
    expect(now()).toBe(1_000);
  });

  it('when two keys are limited, then one does not slow the other down', async () => {
    const { limiter, sleeps } = limiterOnManualTime();
    for (let index = 0; index < 7; index += 1) await limiter.acquire([conversation('a')]);
    for (let index = 0; index < 7; index += 1) await limiter.acquire([conversation('b')]);
    expect(sleeps).toEqual([]);
  });

  it('when several keys are acquired together, then the event waits for the strictest and counts for all', async () => {
    const { limiter, now } = limiterOnManualTime();
    const tenant: LimitedKey = { key: 'tenant', limits: [{ limit: 3, windowMs: 1_000 }] };
    const times: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      await limiter.acquire([conversation(`c-${index}`), tenant]);
      times.push(now());
    }
    expect(times).toEqual([0, 0, 0, 1_000, 1_000, 1_000]);
  });

  it('when callers acquire concurrently, then the limit still holds', async () => {
    // Time moves only when every caller is asleep, to the earliest wake-up, as on a real clock.
    let now = 0;
    const timers: { at: number; wake: () => void }[] = [];
    const limiter = new SlidingWindowLimiter(
      () => now,
      (ms) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
    );
    const times: number[] = [];
    let finished = false;
    const all = Promise.all(
      Array.from({ length: 16 }, async () => {
        await limiter.acquire([conversation('a')]);
        times.push(now);
      }),
    ).then(() => {
      finished = true;
    });
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      timers.sort((x, y) => x.at - y.at);
      const next = timers.shift();
      if (!next) continue;
      now = Math.max(now, next.at);
      next.wake();
    }
    await all;

    expect(times).toHaveLength(16);
    expect(busiestWindow(times, 1_000)).toBe(7);
    expect(busiestWindow(times, 2_000)).toBe(8);
    expect([...times].sort((x, y) => x - y)).toEqual([...Array(7).fill(0), 1_000, ...Array(7).fill(2_000), 3_000]);
  });

  it('when more than a thousand keys have gone quiet, then they are forgotten without changing the limits of active ones', async () => {
    const { limiter, sleeps } = limiterOnManualTime();
    for (let index = 0; index < 1_100; index += 1) await limiter.acquire([conversation(`idle-${index}`)]);
    for (let index = 0; index < 7; index += 1) await limiter.acquire([conversation('idle-0')]);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it('when an event is given back, then its slot is free again at once, only for the moment it was recorded', async () => {
    const { limiter, sleeps } = limiterOnManualTime();
    const tenant: LimitedKey = { key: 'tenant', limits: [{ limit: 2, windowMs: 1_000 }] };
    const first = await limiter.acquireAt([tenant]);
    await limiter.acquireAt([tenant]);
    limiter.giveBack([tenant], first);
    await limiter.acquireAt([tenant]);
    expect(sleeps).toEqual([]);

    // A moment at which nothing was recorded frees nothing.
    limiter.giveBack([tenant], first + 500);
    await limiter.acquireAt([tenant]);
    expect(sleeps).toEqual([1_000]);
  });
});
