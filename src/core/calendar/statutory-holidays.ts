import { Lunar, Solar } from 'lunar-javascript';
import type { IsoDate } from '../dates.ts';
import type { HolidayRange } from './holidays.ts';

/**
 * Provisional rest days of a year for which no State Council arrangement has been entered.
 *
 * Source: 《全国年节及纪念日放假办法》 as last amended by 国务院令第795号 (2024-11-10, in force
 * 2025-01-01), art. 2: 元旦 1 day (1月1日); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day
 * (农历清明当日); 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日);
 * 国庆节 3 days (10月1日至3日). Weekends rest as usual; no 调休 is assumed (that needs the notice).
 * This replaces DOMAIN.md §D's former "refuse an unknown year" rule (issue 15): a system of record
 * keeps counting, and marks every such date 暂定. Lunar dates and the 清明 solar term come from
 * lunar-javascript (6tail), never from a hand-made table.
 */
export function statutoryHolidays(year: number): readonly HolidayRange[] {
  let ranges = computed.get(year);
  if (!ranges) {
    ranges = compute(year);
    computed.set(year, ranges);
  }
  return ranges;
}

/** The rule is fixed and the lunar computation costs ~2 ms a year: computed once per year. */
const computed = new Map<number, readonly HolidayRange[]>();

function compute(year: number): readonly HolidayRange[] {
  const ymd = (s: Solar): IsoDate => s.toYmd();
  const day = (month: number, d: number): IsoDate =>
    `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lunar = (month: number, d: number): IsoDate => ymd(Lunar.fromYmd(year, month, d).getSolar());
  // 除夕 is the last day of the twelfth lunar month of the previous lunar year: the day before 正月初一.
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
  const qingming = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable().清明;
  if (!qingming || qingming.getYear() !== year) throw new Error(`no 清明 solar term found for ${year}`);
  return [
    { name: '元旦', from: day(1, 1), to: day(1, 1) },
    { name: '春节', from: ymd(newYear.next(-1)), to: ymd(newYear.next(2)) },
    { name: '清明节', from: ymd(qingming), to: ymd(qingming) },
    { name: '劳动节', from: day(5, 1), to: day(5, 2) },
    { name: '端午节', from: lunar(5, 5), to: lunar(5, 5) },
    { name: '中秋节', from: lunar(8, 15), to: lunar(8, 15) },
    { name: '国庆节', from: day(10, 1), to: day(10, 3) },
  ];
}
