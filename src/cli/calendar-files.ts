import { HOLIDAY_SCHEDULES } from '../core/calendar/holidays.ts';
import { parseHolidayNotice } from '../core/calendar/parse-holiday-notice.ts';
import type { ProvisionalMark } from '../core/calendar/provisional-mark.ts';
import { validateHolidaySchedule } from '../core/calendar/validate-holiday-schedule.ts';
import { activateHolidaySchedules, type CalendarYearDays } from '../core/calendar/workdays.ts';
import { AppError, isAppError } from '../core/errors.ts';
import { readLimitedFile } from './read-limited-file.ts';

/** A notice is a page of text. */
const MAX_NOTICE_BYTES = 256 * 1024;

/** Collects a repeatable option's values. */
export const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** Reads and parses one notice file; errors name the file. */
export function readNoticeFile(path: string) {
  try {
    return parseHolidayNotice(readLimitedFile(path, MAX_NOTICE_BYTES, 'FILE_UNREADABLE').toString('utf8'));
  } catch (error) {
    if (isAppError(error)) throw new AppError(error.code, `${path}：${error.message}`, error.details);
    throw error;
  }
}

/**
 * For the offline commands (`workdays`, `deadline`): the built-in years plus the notices given
 * with --calendar (the text of 国务院办公厅关于20XX年部分节假日安排的通知, as `calendar import` reads
 * it). A notice for a built-in year or a year given twice is refused.
 */
export function activateCalendarFiles(paths: readonly string[] | undefined): void {
  if (!paths || paths.length === 0) return;
  const years: CalendarYearDays[] = [...HOLIDAY_SCHEDULES];
  for (const path of paths) {
    const notice = readNoticeFile(path);
    if (years.some((y) => y.year === notice.year)) {
      throw new AppError('CALENDAR_YEAR_EXISTS', `${path}：${notice.year}年的节假日安排已有，不能重复指定`);
    }
    validateHolidaySchedule({ ...notice, issuedOn: notice.issuedOn ?? '' }, [...HOLIDAY_SCHEDULES]);
    years.push(notice);
  }
  activateHolidaySchedules(years);
}

/** "（暂定）" after a date, and the reason on the line below, for plain output. */
export function provisionalLines(mark: ProvisionalMark | null): { suffix: string; note: string } {
  return mark ? { suffix: '（暂定）', note: `暂定：${mark.reason}\n` } : { suffix: '', note: '' };
}
