/**
 * A counting semaphore: at most `size` holders at once, waiters served first come, first served.
 * The outbox run's conversations hold one while they work and give it up while they only wait
 * (a Retry-After), so a throttled chat does not keep the others from sending.
 */
export class SendingSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // Handed straight to the next waiter: the slot never looks free in between.
    if (next) next();
    else this.free += 1;
  }
}
