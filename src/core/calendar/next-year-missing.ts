import type { IsoDate } from '../dates.ts';

/** From this month-day on, next year's arrangement is expected (the notice usually comes in Nov–Dec). */
export const NEXT_YEAR_WARNING_FROM = '11-01';

/** True from 1 November when next year's holiday arrangement is not among `years` (issue 15 item 3). */
export function nextYearMissing(today: IsoDate, years: readonly number[]): boolean {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= NEXT_YEAR_WARNING_FROM && !years.includes(year + 1);
}

/** The warning shown and logged while nextYearMissing holds. */
export function nextYearMissingMessage(today: IsoDate): string {
  const next = Number(today.slice(0, 4)) + 1;
  return `${next}年节假日安排尚未录入：${next}年的期限将按《全国年节及纪念日放假办法》暂定计算。国务院办公厅通知发布后，请系统管理员在“节假日安排”中录入`;
}
