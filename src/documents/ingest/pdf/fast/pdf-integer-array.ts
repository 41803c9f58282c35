import { CLASS } from './pdf-bytes.ts';

/**
 * The rest of an array whose `[` ends just before `start`, when it holds only unsigned integers
 * between whitespace (a font's /Widths: hundreds of them), read in one pass: the values and the
 * position after `]`. Null for any other array (an `R` of a reference, a sign, a dot, a comment,
 * a string…), which the lexer then reads item by item; the values are those it would read.
 */
export function readPlainIntegers(
  bytes: Uint8Array,
  start: number,
  end: number,
): { values: number[]; end: number } | null {
  const values: number[] = [];
  let pos = start;
  for (;;) {
    while (pos < end && CLASS[bytes[pos]!] === 1) pos += 1;
    if (pos >= end) return null;
    let b = bytes[pos]!;
    if (b === 0x5d) return { values, end: pos + 1 };
    if (b < 0x30 || b > 0x39) return null;
    let value = 0;
    do {
      value = value * 10 + (b - 0x30);
      pos += 1;
      b = pos < end ? bytes[pos]! : -1;
    } while (b >= 0x30 && b <= 0x39);
    // An integer ends at whitespace or `]`; "12.5", "12/x" and the like are the lexer's.
    if (b !== 0x5d && (b < 0 || CLASS[b] !== 1)) return null;
    values.push(value);
  }
}
