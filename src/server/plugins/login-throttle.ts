import type { StoreDb } from '../../store/dialect.ts';
import {
  clearCounter,
  readCounter,
  releaseHit,
  takeHit,
} from '../../store/rate-limits/rate-limit-counters.repository.ts';

/**
 * Login attempts per subject (a client address, or an account and address), counted in the
 * database so that every instance of the server counts the same attempts: at most `limit` within a
 * window of `windowMs` from the first of them, then the subject is refused until the window ends.
 *
 * An attempt is checked and counted in one atomic step (takeHit) before the password is looked
 * at, so a burst of concurrent attempts cannot pass the check together and overshoot the limit;
 * the caller then releases the attempt (a success that does not count against the address) or
 * clears the subject (a success that forgets its failures). Refused attempts are not counted, so
 * a subject's row is bounded, and rows are purged once their window has ended (scheduled work).
 */
export class LoginThrottle {
  constructor(
    /** The rate-limit bucket, e.g. 'login-address'. */
    readonly bucket: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /**
   * Checks and counts one attempt of `subject` at once. Returns 0 when the attempt may go ahead
   * (it is counted), else the milliseconds until the subject may try again (nothing counted).
   */
  async attempt(db: StoreDb, subject: string, now: Date): Promise<number> {
    const taken = await takeHit(db, {
      bucket: this.bucket,
      subject,
      windowMs: this.windowMs,
      now,
      limit: this.limit,
    });
    if (taken) return 0;
    return Math.max(1, await this.retryAfterMs(db, subject, now));
  }

  /** Whether the attempts counted so far (the one just made included) hold `subject` back now. */
  async heldBackUntil(db: StoreDb, subject: string, now: Date): Promise<Date | null> {
    const counter = await readCounter(db, this.bucket, subject, now);
    return counter && counter.hits >= this.limit ? counter.windowEndsAt : null;
  }

  /** Milliseconds until `subject` may try again; 0 when it may now. */
  async retryAfterMs(db: StoreDb, subject: string, now: Date): Promise<number> {
    const until = await this.heldBackUntil(db, subject, now);
    return until ? until.getTime() - now.getTime() : 0;
  }

  /** Uncounts an attempt of `subject` that turned out not to be a failure. */
  async release(db: StoreDb, subject: string): Promise<void> {
    await releaseHit(db, this.bucket, subject);
  }

  /** Forgets the failures of `subject` (a successful login). */
  async clear(db: StoreDb, subject: string): Promise<void> {
    await clearCounter(db, this.bucket, subject);
  }
}
