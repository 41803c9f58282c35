import { randomInt } from 'node:crypto';
import { sha256Hex } from '../secrets.ts';

/**
 * The applicant's follow-up code: 16 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), printed in groups of four ("K7QM-2XRD-9PWA-H3TZ", about 79 random bits). Typed back in
 * any case, with or without the hyphens.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newFollowUpCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** What the store keeps of a code: SHA-256 of its normalised form. */
export function followUpCodeHash(code: string): string {
  return sha256Hex(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}
