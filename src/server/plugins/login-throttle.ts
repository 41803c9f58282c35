import type { StoreDb } from '../../store/dialect.ts';
import {
  clearCounter,
  countersAtLeast,
  readCounter,
  releaseHit,
  takeHit,
} from '../../store/rate-limits/rate-limit-counters.repository.ts';
import { LOCKOUT } from '../../store/users/users.repository.ts';

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

  /** Every subject held back at `now`, with when its hold ends. */
  async heldBack(db: StoreDb, now: Date): Promise<Map<string, Date>> {
    const counters = await countersAtLeast(db, this.bucket, this.limit, now);
    return new Map([...counters].map(([subject, counter]) => [subject, counter.windowEndsAt]));
  }
}

/**
 * The back-off per account and address (LOCKOUT: 5 wrong passwords for one account from one
 * address within 15 minutes hold that address back for that account, never the account).
 */
export const ACCOUNT_ADDRESS_BACKOFF = new LoginThrottle(
  'login-account-address',
  LOCKOUT.maxFailures,
  LOCKOUT.minutes * 60_000,
);

/** The back-off subject of an account and a client address. */
export function accountAddressKey(userId: string, address: string): string {
  return `${userId} ${address}`;
}

/** Per account: the latest end of a hold on logins to it from some address, at `now`. */
export async function loginHoldsByAccount(db: StoreDb, now: Date): Promise<Map<string, Date>> {
  const holds = new Map<string, Date>();
  for (const [subject, until] of await ACCOUNT_ADDRESS_BACKOFF.heldBack(db, now)) {
    const userId = subject.slice(0, subject.indexOf(' '));
    const known = holds.get(userId);
    if (!known || known < until) holds.set(userId, until);
  }
  return holds;
}
