import { describe, expect, it } from 'vitest';
import { formatCell } from './format-cell.ts';

describe('formatCell', () => {
  it('prints a blank cell as nothing and 0 as 0', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(0)).toBe('0');
  });

  it('prints numbers as stored, never with fixed decimals', () => {
    expect(formatCell(14069)).toBe('14069');
    expect(formatCell(12.3)).toBe('12.3');
    expect(formatCell(1234.5678)).toBe('1234.5678');
  });

  it('never prints exponent notation', () => {
    expect(formatCell(0.0000001)).toBe('0.0000001');
    expect(formatCell(1.5e-7)).toBe('0.00000015');
    expect(formatCell(1e21)).toBe('1000000000000000000000');
    expect(formatCell(1.25e22)).toBe('12500000000000000000000');
  });
});
