/**
 * A small in-memory cache whose entries expire after a fixed time. Values are boxed so that a
 * cached "not found" (undefined or null) is told apart from a miss. Bounded: when full, the
 * oldest entry goes, so a long-running process does not keep everyone it ever looked up.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  /**
   * @param ttlMs how long an entry stays valid
   * @param now the current time in milliseconds (injected, so tests need no wall clock)
   * @param maxEntries the most entries kept
   */
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 1000,
  ) {}

  /** The cached value in a box, or undefined on a miss or when the entry expired. */
  get(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value };
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order, so the first key is the oldest.
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }
}
