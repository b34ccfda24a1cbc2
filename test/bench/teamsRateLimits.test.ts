import { TeamsRateLimits } from '../../bench/teamsRateLimits';

function limitsAt(time: { now: number }, randoms: number[] = []): TeamsRateLimits {
  return new TeamsRateLimits(() => time.now, () => randoms.shift() ?? 0.99);
}

describe('TeamsRateLimits (the fan-out benchmark connector)', () => {
  it('when 31 calls to 31 chats come in one second, then 30 are admitted and the 31st waits until the first leaves the window', () => {
    const time = { now: 0 };
    const limits = limitsAt(time);
    const waits = Array.from({ length: 31 }, (_, index) => {
      time.now = index * 10;
      return limits.admit(`chat-${index}`);
    });
    expect(waits.slice(0, 30)).toEqual(Array(30).fill(0));
    expect(waits[30]).toBe(1_000 - 300);
    time.now = 1_000;
    expect(limits.admit('chat-30')).toBe(0);
    expect({ admitted: limits.admitted, refusedByLimit: limits.refusedByLimit }).toEqual({ admitted: 31, refusedByLimit: 1 });
  });

  it('when one chat gets 8 calls in a second, then the 8th is refused; and over 30 s no more than 60 are admitted', () => {
    const time = { now: 0 };
    const limits = limitsAt(time);
    const firstSecond = Array.from({ length: 8 }, () => limits.admit('chat'));
    expect(firstSecond.filter((wait) => wait === 0)).toHaveLength(7);
    let admitted = 7;
    for (time.now = 1_000; time.now < 30_000; time.now += 150) if (limits.admit('chat') === 0) admitted += 1;
    expect(admitted).toBe(60);
    time.now = 30_000;
    expect(limits.admit('chat')).toBe(0);
  });

  it('when the random draw is under the share, then the call is refused with a second to wait and not counted', () => {
    const time = { now: 0 };
    const limits = limitsAt(time, [0.05, 0.5]);
    expect(limits.admit('chat')).toBe(1_000);
    expect(limits.admit('chat')).toBe(0);
    expect({ admitted: limits.admitted, refusedAtRandom: limits.refusedAtRandom }).toEqual({ admitted: 1, refusedAtRandom: 1 });
  });
});
