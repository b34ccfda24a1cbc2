import { SendingSlots } from '../../../bot/app/outbox/sendingSlots';

describe('SendingSlots', () => {
  it('when more holders ask than there are slots, then no more than the size hold one at once, and waiters get theirs first come, first served', async () => {
    const slots = new SendingSlots(2);
    let holding = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const holders = Array.from({ length: 5 }, async (_, index) => {
      await slots.acquire();
      holding += 1;
      most = Math.max(most, holding);
      order.push(index);
      await new Promise<void>((resolve) => releases.push(resolve));
      holding -= 1;
      slots.release();
    });
    for (let released = 0; released < 5; released += 1) {
      while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
      releases.shift()!();
    }
    await Promise.all(holders);

    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('when a slot is released while nobody waits, then the next acquire gets it at once', async () => {
    const slots = new SendingSlots(1);
    await slots.acquire();
    slots.release();
    let got = false;
    void slots.acquire().then(() => {
      got = true;
    });
    await Promise.resolve();

    expect(got).toBe(true);
  });
});
