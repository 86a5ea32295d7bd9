// One timer for every running job's deadline. A timer per job (setTimeout at start, clearTimeout at
// settle) was two timer-list operations per job on the daemon's hottest path; with one timer armed
// for the earliest deadline, a job that starts and ends within it costs a map insert and delete.
// Deadlines are minutes long and jobs of a type share one, so the earliest rarely changes: the timer
// is re-armed only when a new deadline comes before it, or when it fires.

export class Deadlines<K> {
  private readonly entries = new Map<K, { at: number; expire: () => void }>();
  private timer: NodeJS.Timeout | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  constructor(private readonly now: () => number = () => performance.now()) {}

  get size(): number {
    return this.entries.size;
  }

  /** Call `expire` once, `ms` from now, unless `remove(key)` comes first. Replaces an earlier one for `key`. */
  add(key: K, ms: number, expire: () => void): void {
    const at = this.now() + ms;
    this.entries.set(key, { at, expire });
    if (at < this.armedAt) this.arm(at);
  }

  remove(key: K): void {
    if (!this.entries.delete(key) || this.entries.size > 0) return;
    // Nothing left to watch: no timer keeps the process (or a test) alive.
    clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  clear(): void {
    this.entries.clear();
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
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    // A timer may fire a little before its time on the clock read here: 1 ms of slack.
    const now = this.now() + 1;
    const due: Array<() => void> = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [key, e] of this.entries) {
      if (e.at <= now) {
        this.entries.delete(key);
        due.push(e.expire);
      } else if (e.at < next) next = e.at;
    }
    if (next < Number.POSITIVE_INFINITY) this.arm(next);
    for (const expire of due) expire();
  }
}
