import {
  addDays,
  dayOfWeek,
  fromDayNumber,
  type IsoDate,
  parseIsoDate,
  toDayNumber,
  yearOf,
} from '../dates.ts';
import { AppError } from '../errors.ts';
import { HOLIDAY_SCHEDULES } from './holidays.ts';

/**
 * Working days (工作日), DOMAIN.md §D: a day is a working day iff it is an announced make-up
 * working day, or it is Monday–Friday and not inside an announced holiday range. Only years with
 * a holiday notice are known; anything that touches another year throws CALENDAR_UNKNOWN — there is
 * no Monday–Friday fallback.
 *
 * Internally one table covers the known years: `cumulative[i]` is the number of working days from
 * the first known day up to and including day `first + i`, so counting is a subtraction.
 */

interface Table {
  years: readonly number[];
  first: number;
  last: number;
  cumulative: Int32Array;
}

let table: Table | undefined;

function buildTable(): Table {
  const years = HOLIDAY_SCHEDULES.map((s) => s.year).sort((a, b) => a - b);
  years.forEach((year, i) => {
    if (i > 0 && year !== years[i - 1]! + 1)
      throw new Error(`holiday data must cover contiguous years (${year})`);
  });
  const rest = new Set<IsoDate>();
  const work = new Set<IsoDate>();
  for (const schedule of HOLIDAY_SCHEDULES) {
    for (const range of schedule.holidays) {
      for (let d = range.from; d <= range.to; d = addDays(d, 1)) rest.add(d);
    }
    for (const d of schedule.makeUpWorkdays) work.add(d);
  }
  const first = toDayNumber(`${years[0]}-01-01`);
  const last = toDayNumber(`${years[years.length - 1]}-12-31`);
  const cumulative = new Int32Array(last - first + 1);
  let count = 0;
  for (let n = first; n <= last; n++) {
    const date = fromDayNumber(n);
    const weekday = dayOfWeek(date);
    const working = work.has(date) || (weekday >= 1 && weekday <= 5 && !rest.has(date));
    if (working) count += 1;
    cumulative[n - first] = count;
  }
  return { years, first, last, cumulative };
}

function getTable(): Table {
  table ??= buildTable();
  return table;
}

function unknownYear(year: number): AppError {
  return new AppError('CALENDAR_UNKNOWN', `暂无${year}年的法定节假日安排数据，无法计算工作日`, {
    year,
    knownYears: knownCalendarYears(),
  });
}

/** Index of `date` in the table; throws INVALID_DATE or CALENDAR_UNKNOWN. */
function indexOf(date: IsoDate): number {
  const t = getTable();
  const n = toDayNumber(parseIsoDate(date));
  if (n < t.first || n > t.last) throw unknownYear(yearOf(date));
  return n - t.first;
}

/** Working days in [first known day, day at index]; 0 for the day before the first known day. */
function countUpTo(index: number): number {
  return index < 0 ? 0 : getTable().cumulative[index]!;
}

/** Calendar years with holiday data, ascending. */
export function knownCalendarYears(): number[] {
  return [...getTable().years];
}

export function isWorkingDay(date: IsoDate): boolean {
  const i = indexOf(date);
  return countUpTo(i) - countUpTo(i - 1) === 1;
}

/**
 * The `n`th working day after `date`: counting starts on the day after `date` (so `date` itself is
 * never counted) and the result is the nth working day. `n = 0` returns `date` unchanged (its
 * year must still be known). Throws INVALID_INPUT when n is not a non-negative integer and
 * CALENDAR_UNKNOWN when the result would fall in a year without data.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new AppError('INVALID_INPUT', `工作日数“${n}”无效：应为非负整数`);
  }
  const start = indexOf(date);
  if (n === 0) return date;
  const t = getTable();
  const target = countUpTo(start) + n;
  if (target > t.cumulative[t.cumulative.length - 1]!) throw unknownYear(t.years[t.years.length - 1]! + 1);
  // First index whose running count reaches the target: necessarily a working day.
  let lo = start + 1;
  let hi = t.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.cumulative[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(t.first + lo);
}

/**
 * Number of working days in the half-open interval (from, to]: `from` is not counted, `to` is.
 * When `to` is before `from` the result is negative: −(working days in (to, from]). So
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Both dates must be in known years.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  return countUpTo(indexOf(to)) - countUpTo(indexOf(from));
}

/** Working days in the calendar year (2023 = 249, 2024 = 251, 2025 = 248, 2026 = 248). */
export function workingDaysInYear(year: number): number {
  if (!Number.isSafeInteger(year) || !getTable().years.includes(year)) throw unknownYear(year);
  const from = indexOf(`${year}-01-01`);
  const to = indexOf(`${year}-12-31`);
  return countUpTo(to) - countUpTo(from - 1);
}
