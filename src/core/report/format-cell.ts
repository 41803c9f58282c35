import type { Cell } from './schema.ts';

/**
 * The printed text of a cell: `null` (blank in the source) prints as an empty cell, never as 0.
 * Numbers print exactly as stored — no rounding, no fixed decimals (a fee of 12.3 万元 prints
 * "12.3", not "12.30") and no exponent notation (1e-7 prints "0.0000001").
 */
export function formatCell(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return text.includes('e') ? expandExponent(text) : text;
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000" (digits kept as JavaScript printed them). */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exp] = match;
  const digits = `${whole}${fraction}`;
  const point = whole!.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
