import { addWorkingDays, workingDaysBetween } from '../calendar/workdays.ts';
import type { IsoDate } from '../dates.ts';

/**
 * A suspension of the answer period (art. 33 ¶3 consultations; optionally a fee notice): the
 * working days in the half-open interval (from, until] are not counted. The day the letter or
 * notice goes out still counts; counting resumes on the day after the reply or payment. `until:
 * null` means still open: nothing after `from` is counted until it closes.
 */
export interface Suspension {
  from: IsoDate;
  until: IsoDate | null;
}

/** The later / earlier of two ISO dates (string order is date order). */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  if (a > b) return a;
  return b;
}

export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  if (a < b) return a;
  return b;
}

/** Sorted, with overlapping or touching intervals merged, so that no day is excluded twice. */
export function mergeSuspensions(list: readonly Suspension[]): Suspension[] {
  const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Suspension[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.until === null || s.from <= last.until)) {
      if (last.until !== null && (s.until === null || s.until > last.until)) last.until = s.until;
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

export type CountResult =
  | { due: IsoDate }
  /** An open suspension began before the nth counted day: `used` days were counted by then. */
  | { due: null; used: number; suspendedSince: IsoDate };

/**
 * The nth counted working day after `start` (start excluded), skipping suspended working days.
 * `suspensions` must come from mergeSuspensions. Throws CALENDAR_UNKNOWN like addWorkingDays.
 */
export function nthCountedWorkingDay(
  start: IsoDate,
  n: number,
  suspensions: readonly Suspension[],
): CountResult {
  let cursor = start;
  let remaining = n;
  for (const s of suspensions) {
    if (s.until !== null && s.until <= cursor) continue;
    if (s.from > cursor) {
      const available = workingDaysBetween(cursor, s.from);
      if (available >= remaining) return { due: addWorkingDays(cursor, remaining) };
      remaining -= available;
    }
    if (s.until === null)
      return { due: null, used: n - remaining, suspendedSince: laterDate(s.from, cursor) };
    cursor = s.until;
  }
  return { due: addWorkingDays(cursor, remaining) };
}

/** Counted (not suspended) working days in (start, end]; 0 when end ≤ start. */
export function countedWorkingDays(start: IsoDate, end: IsoDate, suspensions: readonly Suspension[]): number {
  if (end <= start) return 0;
  let total = workingDaysBetween(start, end);
  for (const s of suspensions) {
    const lo = laterDate(s.from, start);
    const hi = s.until === null ? end : earlierDate(s.until, end);
    if (hi > lo) total -= workingDaysBetween(lo, hi);
  }
  return total;
}
