// One timer for every running job's deadline. A timer per job (setTimeout at start, clearTimeout at
// settle) was two timer-list operations per job on the daemon's hottest path; with one timer armed
// for the earliest deadline, a job that starts and ends within it costs a map insert and delete.
// Deadlines are minutes long and jobs of a type share one, so the earliest rarely changes: the timer
// is re-armed only when a new deadline comes before it, or when it fires. One expiry callback for all,
// given once: an entry is a key and a time, no closure per job.

export class Deadlines<K> {
  /** Each key's deadline (now() ms). */
  private readonly entries = new Map<K, number>();
  private timer: NodeJS.Timeout | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  /** `expire(key)` is called once for each key whose deadline passes before it is removed. */
  constructor(
    private readonly expire: (key: K) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Expire `key` `ms` from now, unless `remove(key)` comes first. Replaces an earlier deadline for `key`. */
  add(key: K, ms: number): void {
    const at = this.now() + ms;
    this.entries.set(key, at);
    if (at < this.armedAt) this.arm(at);
  }

  remove(key: K): void {
    // Nothing left to watch: no timer keeps the process (or a test) alive.
    if (this.entries.delete(key) && this.entries.size === 0) this.disarm();
  }

  clear(): void {
    this.entries.clear();
    this.disarm();
  }

  private disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  private arm(at: number): void {
    clearTimeout(this.timer);
    this.armedAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, at - this.now()));
  }

  private fire(): void {
    this.disarm();
    // A timer may fire a little before its time on the clock read here: 1 ms of slack.
    const now = this.now() + 1;
    const due: K[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [key, at] of this.entries) {
      if (at <= now) {
        this.entries.delete(key);
        due.push(key);
      } else if (at < next) next = at;
    }
    if (next < Number.POSITIVE_INFINITY) this.arm(next);
    for (const key of due) this.expire(key);
  }
}
