import { randomBytes } from 'node:crypto';

/**
 * A one-time password shown once (the first administrator's, an administrator's reset): 20
 * characters without look-alikes (no 0/O, 1/l/I), about 115 bits.
 */
export function generateOneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join('');
}
