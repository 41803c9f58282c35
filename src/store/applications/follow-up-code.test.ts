import { describe, expect, it } from 'vitest';
import { followUpCodeHash, newFollowUpCode } from './follow-up-code.ts';

/** The alphabet as the code's documentation states it: letters and digits without 0/O, 1/I/L. */
const LOOK_ALIKES = new Set(['0', 'O', '1', 'I', 'L']);
const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].filter((c) => !LOOK_ALIKES.has(c));

describe('newFollowUpCode', () => {
  it('gives four groups of four characters without look-alikes', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = newFollowUpCode();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      for (const c of code.replaceAll('-', '')) expect(ALPHABET).toContain(c);
    }
  });

  it('draws every character of the alphabet about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const codes = 20_000;
    for (let i = 0; i < codes; i += 1) {
      for (const c of newFollowUpCode().replaceAll('-', '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const expected = (codes * 16) / ALPHABET.length;
    expect([...counts.keys()].sort()).toEqual([...ALPHABET].sort());
    // ±5 % is more than 8 standard deviations here; taking every byte % 31 would draw 8 of the characters 12.5 % more often.
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.05);
  });

  it('is hashed the same however it is typed back', () => {
    const code = newFollowUpCode();
    expect(followUpCodeHash(code.toLowerCase().replaceAll('-', ' '))).toBe(followUpCodeHash(code));
  });
});
