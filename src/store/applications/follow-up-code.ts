import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../secrets.ts';

/**
 * The applicant's follow-up code: 16 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), printed in groups of four ("K7QM-2XRD-9PWA-H3TZ", about 79 random bits). Typed back in
 * any case, with or without the hyphens.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The largest multiple of the alphabet's size a byte can hold: bytes from it up are dropped (no bias). */
const EVEN_BYTES = 256 - (256 % ALPHABET.length);

export function newFollowUpCode(): string {
  let code = '';
  // One call for all characters (a draw per character cost more than the rest of the code): 24
  // bytes give 16 kept ones but about once in 30 million codes, when a second round is drawn.
  while (code.length < 16) {
    for (const byte of randomBytes(24)) {
      if (byte < EVEN_BYTES && code.length < 16) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** What the store keeps of a code: SHA-256 of its normalised form. */
export function followUpCodeHash(code: string): string {
  return sha256Hex(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}
