import { AppError } from './errors.ts';

/**
 * Calendar dates are plain `YYYY-MM-DD` strings throughout gongkai: a statutory deadline is a day,
 * not an instant, so no time zone or millisecond arithmetic is involved. Internally a date is
 * handled as a day number (days since 1970-01-01) computed with the proleptic Gregorian calendar.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `text` is a real calendar date written as YYYY-MM-DD (2023-02-29 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws INVALID_DATE with a Chinese message when `text` is not a real YYYY-MM-DD date. */
export function parseIsoDate(text: string): IsoDate {
  if (!isIsoDate(text)) {
    throw new AppError(
      'INVALID_DATE',
      `日期“${text}”无效：应为真实存在的日期，格式 YYYY-MM-DD（例如 2025-01-20）`,
    );
  }
  return text;
}

/** Day number of a date: days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new AppError('INVALID_DATE', `日期“${date}”无效，格式应为 YYYY-MM-DD`);
  let y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  y -= mo <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** "2025年1月20日（星期一）" — the way dates are written in letters and messages. */
export function formatDateZh(date: IsoDate, withWeekday = true): string {
  const [y, m, d] = date.split('-').map(Number);
  const base = `${y}年${m}月${d}日`;
  return withWeekday ? `${base}（${WEEKDAY_ZH[dayOfWeek(date)]}）` : base;
}
