/**
 * The 暂定 mark (issue 15): a date counted through a year without an entered holiday arrangement
 * (see statutory-holidays.ts for the rule). Kept apart from the lunar computation so that types
 * can be shared with the web.
 */

/** The one wording of the 暂定 mark's reason, for one or more years without an arrangement. */
export function provisionalReason(years: readonly number[]): string {
  return `${years.map((y) => `${y}年`).join('、')}节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定`;
}

/** A date (or a set of dates) counted with at least one year of provisional rest days. */
export interface ProvisionalMark {
  years: number[];
  reason: string;
}

/** The mark for `years` (ascending, distinct), or null when every year has an arrangement. */
export function provisionalMark(years: readonly number[]): ProvisionalMark | null {
  return years.length === 0 ? null : { years: [...years], reason: provisionalReason(years) };
}
