import type { StoreDb } from '../../store/dialect.ts';
import {
  clearCounter,
  countHit,
  readCounter,
} from '../../store/rate-limits/rate-limit-counters.repository.ts';

/**
 * Failed logins per subject (a client address, or an account and address), counted in the
 * database so that every instance of the server counts the same failures: `limit` failures within
 * a window of `windowMs` from the first of them and the subject is refused until the window ends.
 * Refused attempts are not counted (the caller records only real failures), so a subject's row
 * is bounded, and rows are purged once their window has ended (scheduled work).
 */
export class LoginThrottle {
  constructor(
    /** The rate-limit bucket, e.g. 'login-address'. */
    readonly bucket: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until `subject` may try again; 0 when it may now. */
  async retryAfterMs(db: StoreDb, subject: string, now: Date): Promise<number> {
    const counter = await readCounter(db, this.bucket, subject, now);
    if (!counter || counter.hits < this.limit) return 0;
    return counter.windowEndsAt.getTime() - now.getTime();
  }

  /** Forgets the failures of `subject` (a successful login). */
  async clear(db: StoreDb, subject: string): Promise<void> {
    await clearCounter(db, this.bucket, subject);
  }

  async recordFailure(db: StoreDb, subject: string, now: Date): Promise<void> {
    await countHit(db, { bucket: this.bucket, subject, windowMs: this.windowMs, now });
  }
}
