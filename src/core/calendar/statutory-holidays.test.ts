import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../dates.ts';
import { HOLIDAY_SCHEDULES } from './holidays.ts';
import { provisionalReason } from './provisional-mark.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

function days(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('statutoryHolidays', () => {
  it('gives 13 statutory rest days a year (放假办法 as amended in 2024)', () => {
    for (const year of [2025, 2026, 2027]) {
      const all = statutoryHolidays(year).flatMap((r) => days(r.from, r.to));
      expect(new Set(all).size, String(year)).toBe(13);
    }
  });
  it('lets 中秋 fall on 国庆 (2031-10-01) without inventing a replacement day', () => {
    expect(statutoryHolidays(2031).find((r) => r.name === '中秋节')?.from).toBe('2031-10-01');
  });
  it.each([2025, 2026])('falls inside the rest days the %i notice announced', (year) => {
    const notice = HOLIDAY_SCHEDULES.find((s) => s.year === year)!;
    const announced = new Set(notice.holidays.flatMap((r) => days(r.from, r.to)));
    for (const range of statutoryHolidays(year)) {
      for (const day of days(range.from, range.to))
        expect(announced.has(day), `${range.name} ${day}`).toBe(true);
    }
  });
  it('takes 除夕 and the Spring Festival from the lunar calendar as the notices state it', () => {
    // 2025 notice: “春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）”.
    expect(statutoryHolidays(2025).find((r) => r.name === '春节')).toMatchObject({
      from: '2025-01-28',
      to: '2025-01-31',
    });
    // 2026 notice: “2月15日（农历腊月二十八）至23日（农历正月初七）”: 初一 is 02-17, 除夕 02-16.
    expect(statutoryHolidays(2026).find((r) => r.name === '春节')).toMatchObject({
      from: '2026-02-16',
      to: '2026-02-19',
    });
  });
  it('takes 清明 from the solar term (4 April 2025, 5 April 2026)', () => {
    expect(statutoryHolidays(2025).find((r) => r.name === '清明节')?.from).toBe('2025-04-04');
    expect(statutoryHolidays(2026).find((r) => r.name === '清明节')?.from).toBe('2026-04-05');
  });
  it('names the missing years in the reason', () => {
    expect(provisionalReason([2027])).toBe('2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定');
    expect(provisionalReason([2027, 2028])).toContain('2027年、2028年节假日安排尚未录入');
  });
});
