import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { formatWanYuan, parseWanYuan, wanYuanOf } from './enforcement-figures.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'OTHER';
  }
};

describe('parseWanYuan and formatWanYuan', () => {
  it('reads 万元 into exact 0.0001 万元 units and back, without float drift', () => {
    expect(parseWanYuan('0.1')).toBe(1000);
    expect(parseWanYuan(' 12.3456 ')).toBe(123_456);
    expect(parseWanYuan('0.0300')).toBe(300);
    expect(parseWanYuan('1234')).toBe(12_340_000);
    expect(parseWanYuan('0')).toBe(0);
    // 0.1 + 0.2 in floats is 0.30000000000000004; in units it is exact.
    expect(formatWanYuan(parseWanYuan('0.1') + parseWanYuan('0.2'))).toBe('0.3');
    expect(formatWanYuan(123_456)).toBe('12.3456');
    expect(formatWanYuan(12_340_000)).toBe('1234');
    expect(wanYuanOf(300)).toBe(0.03);
  });

  it('round-trips every unit count of a random sample', () => {
    for (let i = 0; i < 2000; i += 1) {
      const units = Math.floor(Math.random() * 9_000_000_000_000);
      expect(parseWanYuan(formatWanYuan(units))).toBe(units);
    }
  });

  it('refuses negatives, more than four decimals, units and words', () => {
    for (const text of ['-1', '1.23456', '12万元', '', '1e3', '１２', '1,000', '.5', '9999999999999']) {
      expect(
        codeOf(() => parseWanYuan(text)),
        text,
      ).toBe('INVALID_INPUT');
    }
  });
});
