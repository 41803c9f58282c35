/** The part of lunar-javascript 1.7.7 (6tail) that core/calendar/statutory-holidays.ts uses. */
declare module 'lunar-javascript' {
  export interface Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
    next(days: number): Solar;
    getLunar(): Lunar;
  }
  export interface Lunar {
    getSolar(): Solar;
    getJieQiTable(): Record<string, Solar>;
  }
  export const Solar: { fromYmd(year: number, month: number, day: number): Solar };
  export const Lunar: { fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): Lunar };
}
