import type { IsoDate } from '../dates.ts';

/** The sum, or null when any figure is unknown: a total of the known ones would understate it. */
export function sumKnown(values: ReadonlyArray<number | null>): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** The date falls in `year` (null never does). */
export const inYear = (date: IsoDate | null, year: number): boolean => (date ?? '').startsWith(`${year}-`);
/** The date is known and not after the end of `year`. */
export const byYearEnd = (date: IsoDate | null, year: number): boolean =>
  date !== null && date <= `${year}-12-31`;
/** Rounded to one decimal. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;
