import { dayOfWeek, fromDayNumber, type IsoDate, parseIsoDate, toDayNumber, yearOf } from '../dates.ts';
import { AppError } from '../errors.ts';
import { HOLIDAY_SCHEDULES, type HolidaySchedule } from './holidays.ts';
import { type ProvisionalMark, provisionalMark } from './provisional-mark.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

/**
 * Working days (工作日), DOMAIN.md §D: a day is a working day iff it is an announced make-up
 * working day, or it is Monday–Friday and not a rest day. A year with an entered arrangement (the
 * 国务院办公厅 notice) takes its rest days from it; any other year between CALENDAR_FIRST_YEAR and
 * CALENDAR_LAST_YEAR is counted provisionally from the statutory holidays of
 * 《全国年节及纪念日放假办法》 (国务院令第795号, in force 2025-01-01; see statutory-holidays.ts), and
 * every result that depends on such a year is 暂定 (`provisionalYearsBetween`). Dates outside the
 * bound throw CALENDAR_UNKNOWN.
 *
 * The counting uses one active calendar (the one mechanism by which the core sees the stored
 * years): the built-in notices until `activateHolidaySchedules` replaces it — at server start with the
 * stored years, after each import, and in the offline CLI with `--calendar` files. Internally a
 * calendar is one cumulative table: `cumulative[i]` is the number of working days from the first
 * day up to and including day `first + i`, so counting is a subtraction.
 */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;

export interface WorkingCalendar {
  /** Years with an entered arrangement, ascending. */
  years: readonly number[];
  first: number;
  cumulative: Int32Array;
}

/** Builds the calendar of the given arrangements (one per year) plus provisional years. */
/** What the counting needs of an arrangement (the notice's title, 文号 and date do not count). */
export type CalendarYearDays = Pick<HolidaySchedule, 'year' | 'holidays' | 'makeUpWorkdays'>;

export function buildWorkingCalendar(schedules: readonly CalendarYearDays[]): WorkingCalendar {
  const years = schedules.map((s) => s.year).sort((a, b) => a - b);
  years.forEach((year, i) => {
    if (i > 0 && year === years[i - 1]) throw new Error(`two holiday arrangements for ${year}`);
    if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) throw outOfRange(`${year}年`);
  });
  const known = new Set(years);
  // Day numbers rather than date strings: a rebuild after each saved arrangement stays cheap.
  const rest = new Set<number>();
  const work = new Set<number>();
  const addRange = (from: IsoDate, to: IsoDate) => {
    for (let n = toDayNumber(from); n <= toDayNumber(to); n++) rest.add(n);
  };
  for (const schedule of schedules) {
    for (const range of schedule.holidays) addRange(range.from, range.to);
    for (const d of schedule.makeUpWorkdays) work.add(toDayNumber(d));
  }
  for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
    if (known.has(year)) continue;
    for (const range of statutoryHolidays(year)) addRange(range.from, range.to);
  }
  const first = toDayNumber(`${CALENDAR_FIRST_YEAR}-01-01`);
  const last = toDayNumber(`${CALENDAR_LAST_YEAR}-12-31`);
  const firstWeekday = dayOfWeek(fromDayNumber(first));
  const cumulative = new Int32Array(last - first + 1);
  let count = 0;
  for (let n = first; n <= last; n++) {
    const weekday = (firstWeekday + n - first) % 7;
    if (work.has(n) || (weekday >= 1 && weekday <= 5 && !rest.has(n))) count += 1;
    cumulative[n - first] = count;
  }
  return { years, first, cumulative };
}

let active: WorkingCalendar | undefined;

function calendar(): WorkingCalendar {
  active ??= buildWorkingCalendar(HOLIDAY_SCHEDULES);
  return active;
}

/**
 * Makes `schedules` (the union of the built-in and the stored arrangements, one per year) the
 * calendar every count uses from now on. Returns the calendar built.
 */
export function activateHolidaySchedules(schedules: readonly CalendarYearDays[]): WorkingCalendar {
  active = buildWorkingCalendar(schedules);
  return active;
}

/**
 * The calendar every count uses now: a new object after each activateHolidaySchedules, so a cache
 * of counted dates can tell whether it is still valid.
 */
export function activeWorkingCalendar(): WorkingCalendar {
  return calendar();
}

function outOfRange(what: string): AppError {
  return new AppError(
    'CALENDAR_UNKNOWN',
    `${what}超出工作日计算范围（${CALENDAR_FIRST_YEAR}年至${CALENDAR_LAST_YEAR}年）`,
    { firstYear: CALENDAR_FIRST_YEAR, lastYear: CALENDAR_LAST_YEAR },
  );
}

/** Index of `date` in the table; throws INVALID_DATE or CALENDAR_UNKNOWN. */
function indexOf(date: IsoDate): number {
  const c = calendar();
  const n = toDayNumber(parseIsoDate(date));
  if (n < c.first || n >= c.first + c.cumulative.length) throw outOfRange(date);
  return n - c.first;
}

/** Working days in [first day, day at index]; 0 for the day before the first day. */
function countUpTo(index: number): number {
  return index < 0 ? 0 : calendar().cumulative[index]!;
}

/** Calendar years with an entered holiday arrangement, ascending. */
export function knownCalendarYears(): number[] {
  return [...calendar().years];
}

/**
 * Years without an arrangement from the year of the earlier date to that of the later one: a count
 * between the two dates is 暂定 iff this is not empty. Ascending.
 */
export function provisionalYearsBetween(from: IsoDate, to: IsoDate): number[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const known = new Set(calendar().years);
  const years: number[] = [];
  for (let y = yearOf(parseIsoDate(a)); y <= yearOf(parseIsoDate(b)); y++) if (!known.has(y)) years.push(y);
  return years;
}

/**
 * The 暂定 mark of a date counted from `from` to `to` (receipt → due date, creation → art. 26 date),
 * or null when every year in between has an arrangement or `to` is unknown.
 */
export function provisionalMarkBetween(from: IsoDate, to: IsoDate | null): ProvisionalMark | null {
  return to === null ? null : provisionalMark(provisionalYearsBetween(from, to));
}

export function isWorkingDay(date: IsoDate): boolean {
  const i = indexOf(date);
  return countUpTo(i) - countUpTo(i - 1) === 1;
}

/**
 * The `n`th working day after `date`: counting starts on the day after `date` (so `date` itself is
 * never counted) and the result is the nth working day. `n = 0` returns `date` unchanged. Throws
 * INVALID_INPUT when n is not a non-negative integer and CALENDAR_UNKNOWN when a date leaves
 * CALENDAR_FIRST_YEAR–CALENDAR_LAST_YEAR. Use provisionalYearsBetween(date, result) for the mark.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new AppError('INVALID_INPUT', `工作日数“${n}”无效：应为非负整数`);
  }
  const start = indexOf(date);
  if (n === 0) return date;
  const c = calendar();
  const target = countUpTo(start) + n;
  if (target > c.cumulative[c.cumulative.length - 1]!) throw outOfRange(`自${date}起第${n}个工作日`);
  // First index whose running count reaches the target: necessarily a working day.
  let lo = start + 1;
  let hi = c.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.cumulative[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(c.first + lo);
}

/**
 * Number of working days in the half-open interval (from, to]: `from` is not counted, `to` is.
 * When `to` is before `from` the result is negative: −(working days in (to, from]). So
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  return countUpTo(indexOf(to)) - countUpTo(indexOf(from));
}

/** Working days in the calendar year (2023 = 249, 2024 = 251, 2025 = 248, 2026 = 248). */
export function workingDaysInYear(year: number): number {
  if (!Number.isSafeInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw outOfRange(`${year}年`);
  }
  const from = indexOf(`${year}-01-01`);
  const to = indexOf(`${year}-12-31`);
  return countUpTo(to) - countUpTo(from - 1);
}
