/**
 * Failed logins per client address, in this process's memory: `limit` failures within `windowMs`
 * and the address is refused until the oldest of them leaves the window. Per process on purpose:
 * several instances each hold an address back on their own (at most `limit` × instances guesses
 * per window), which the per-account lockout in the database bounds anyway. The map is pruned as
 * it is used and capped at `maxAddresses` (the oldest address is forgotten first).
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly maxAddresses = 10_000,
  ) {}

  #recent(address: string, now: number): number[] {
    const kept = (this.#failures.get(address) ?? []).filter((t) => t > now - this.windowMs);
    if (kept.length === 0) this.#failures.delete(address);
    else this.#failures.set(address, kept);
    return kept;
  }

  /** Milliseconds until `address` may try again; 0 when it may now. */
  retryAfterMs(address: string, now: Date): number {
    const recent = this.#recent(address, now.getTime());
    if (recent.length < this.limit) return 0;
    return recent[recent.length - this.limit]! + this.windowMs - now.getTime();
  }

  /** Forgets the failures of `address` (a successful login). */
  clear(address: string): void {
    this.#failures.delete(address);
  }

  recordFailure(address: string, now: Date): void {
    const recent = this.#recent(address, now.getTime());
    this.#failures.delete(address);
    this.#failures.set(address, [...recent, now.getTime()]);
    if (this.#failures.size > this.maxAddresses) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }
}
