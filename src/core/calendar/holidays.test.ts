import { describe, expect, it } from 'vitest';
import { dayOfWeek, toDayNumber } from '../dates.ts';
import { HOLIDAY_SCHEDULES } from './holidays.ts';

/** Range lengths in days as printed in DOMAIN.md §D, per year, in notice order. */
const RANGE_LENGTHS: Record<number, number[]> = {
  2023: [3, 7, 1, 5, 3, 8],
  2024: [3, 8, 3, 5, 3, 3, 7],
  2025: [1, 8, 3, 5, 3, 8],
  2026: [3, 9, 3, 5, 3, 3, 7],
};

describe('HOLIDAY_SCHEDULES', () => {
  it('covers 2023 to 2026 with one notice each', () => {
    expect(HOLIDAY_SCHEDULES.map((s) => s.year)).toEqual([2023, 2024, 2025, 2026]);
  });

  it('has holiday ranges of the announced lengths', () => {
    for (const schedule of HOLIDAY_SCHEDULES) {
      const lengths = schedule.holidays.map((h) => toDayNumber(h.to) - toDayNumber(h.from) + 1);
      expect(lengths, String(schedule.year)).toEqual(RANGE_LENGTHS[schedule.year]);
    }
  });

  it('has make-up working days only on weekends', () => {
    for (const schedule of HOLIDAY_SCHEDULES) {
      for (const day of schedule.makeUpWorkdays) expect([0, 6], day).toContain(dayOfWeek(day));
    }
  });

  it('never lists a make-up working day inside a holiday range', () => {
    for (const schedule of HOLIDAY_SCHEDULES) {
      for (const day of schedule.makeUpWorkdays) {
        for (const range of schedule.holidays) expect(day >= range.from && day <= range.to, day).toBe(false);
      }
    }
  });
});
