import { AttemptLimiter } from '../../../bot/app/reporter/attemptLimiter';
import type { AttemptRecord, AttemptRepository } from '../../../bot/app/reporter/attemptPorts';
import type { Versioned } from '../../../bot/app/common/storePorts';
import { purgeStaleAttempts } from '../../../bot/app/retention/purgeStaleAttempts';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import { ConcurrencyError, DomainError } from '../../../bot/domain/errors';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

const KEY = 'pseudonym-of-anna';
const OTHER = 'pseudonym-of-bert';
const MINUTE = 60_000;

describe('AttemptLimiter (guessing limit on reference + secret, kept in the store)', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, clock, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  async function fail(limiter: AttemptLimiter, times: number, key = KEY): Promise<void> {
    for (let i = 0; i < times; i += 1) await limiter.recordFailure(key);
  }

  it('when a user has failed 4 times, then they may still try; after the 5th, the next check is blocked (and only for them)', async () => {
    const limiter = new AttemptLimiter(deps.repos.attempts, clock);
    await fail(limiter, 4);
    expect(await limiter.isBlocked(KEY)).toBe(false);

    await fail(limiter, 1);

    expect(await limiter.isBlocked(KEY)).toBe(true);
    expect(await limiter.isBlocked(OTHER)).toBe(false);
  });

  it('when 15 minutes pass after the failures, then the window has slid and the user is allowed again', async () => {
    const limiter = new AttemptLimiter(deps.repos.attempts, clock);
    await fail(limiter, 5);
    clock.advance(15 * MINUTE - 1);
    expect(await limiter.isBlocked(KEY)).toBe(true);

    clock.advance(1);

    expect(await limiter.isBlocked(KEY)).toBe(false);
  });

  it('when failures are spread over the window, then only those still inside it count, and at most the limit is stored', async () => {
    const limiter = new AttemptLimiter(deps.repos.attempts, clock);
    await fail(limiter, 3);
    clock.advance(10 * MINUTE);
    await fail(limiter, 2);
    expect(await limiter.isBlocked(KEY)).toBe(true);

    clock.advance(6 * MINUTE);
    expect(await limiter.isBlocked(KEY)).toBe(false);
    await fail(limiter, 4);

    const stored = await deps.repos.attempts.get(KEY);
    expect(stored?.value.failures).toHaveLength(5);
    expect(stored?.value.failures).toEqual([...stored!.value.failures].sort());
    expect(await limiter.isBlocked(KEY)).toBe(true);
  });

  it('when two instances share the store, then 3 failures on one and 2 on the other block the user on both', async () => {
    const first = new AttemptLimiter(deps.repos.attempts, clock);
    const second = new AttemptLimiter(deps.repos.attempts, clock);
    await fail(first, 3);
    await fail(second, 2);

    expect(await first.isBlocked(KEY)).toBe(true);
    expect(await second.isBlocked(KEY)).toBe(true);
  });

  it('when two instances record 5 failures at the same moment, then every one is counted and the user is blocked', async () => {
    const first = new AttemptLimiter(deps.repos.attempts, clock);
    const second = new AttemptLimiter(deps.repos.attempts, clock);

    await Promise.all([first, second, first, second, first].map((limiter) => limiter.recordFailure(KEY)));

    expect((await deps.repos.attempts.get(KEY))?.value.failures).toHaveLength(5);
    expect(await first.isBlocked(KEY)).toBe(true);
    expect(await second.isBlocked(KEY)).toBe(true);
  });

  it('when more failures race than the limit, then the user is blocked and any that gave up failed with a lost race, never silently', async () => {
    const limiters = [new AttemptLimiter(deps.repos.attempts, clock), new AttemptLimiter(deps.repos.attempts, clock)];

    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => limiters[index % 2].recordFailure(KEY)));

    const rejected = results.filter((result) => result.status === 'rejected');
    for (const result of rejected) expect(result.reason).toBeInstanceOf(DomainError);
    expect(results.length - rejected.length).toBeGreaterThanOrEqual(5);
    expect(await limiters[0].isBlocked(KEY)).toBe(true);
  });

  it('when the store keeps refusing the write, then recordFailure throws (the request fails closed) after limit - 1 = 4 retries', async () => {
    let saves = 0;
    const store = deps.repos.attempts;
    const racing: AttemptRepository = {
      get: (id) => store.get(id),
      save: async (): Promise<Versioned<AttemptRecord>> => {
        saves += 1;
        throw new ConcurrencyError('changed meanwhile');
      },
      listUpdatedBefore: (before, limit) => store.listUpdatedBefore(before, limit),
      delete: (id) => store.delete(id),
    };

    await expect(new AttemptLimiter(racing, clock).recordFailure(KEY)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(saves).toBe(5);
  });

  it('when the store cannot be read, then isBlocked and recordFailure throw instead of letting the user through', async () => {
    const broken: AttemptRepository = {
      get: () => Promise.reject(new Error('store unavailable')),
      save: () => Promise.reject(new Error('store unavailable')),
      listUpdatedBefore: () => Promise.reject(new Error('store unavailable')),
      delete: () => Promise.reject(new Error('store unavailable')),
    };
    const limiter = new AttemptLimiter(broken, clock);

    await expect(limiter.isBlocked(KEY)).rejects.toThrow('store unavailable');
    await expect(limiter.recordFailure(KEY)).rejects.toThrow('store unavailable');
  });

  it('when the daily purge runs, then records not changed for a day are deleted and recent ones stay', async () => {
    const limiter = new AttemptLimiter(deps.repos.attempts, clock);
    await fail(limiter, 2, OTHER);
    clock.advance(23 * 60 * MINUTE);
    await fail(limiter, 5);
    clock.advance(60 * MINUTE + 1);

    expect(await purgeStaleAttempts(deps)).toBe(1);

    await expect(deps.repos.attempts.get(OTHER)).resolves.toBeUndefined();
    expect((await deps.repos.attempts.get(KEY))?.value.failures).toHaveLength(5);
    expect(await purgeStaleAttempts(deps)).toBe(0);
  });
});
