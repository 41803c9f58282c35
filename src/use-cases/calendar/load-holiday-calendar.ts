import { HOLIDAY_SCHEDULES, type HolidaySchedule } from '../../core/calendar/holidays.ts';
import { activateHolidaySchedules } from '../../core/calendar/workdays.ts';
import { listHolidayArrangements } from '../../store/calendar/holiday-arrangements.repository.ts';
import type { StoreDb } from '../../store/dialect.ts';

/** The union of the built-in notices and the stored years (a stored year wins), ascending. */
export function unionOfSchedules(
  stored: readonly HolidaySchedule[],
  builtIn: readonly HolidaySchedule[] = HOLIDAY_SCHEDULES,
): HolidaySchedule[] {
  const byYear = new Map<number, HolidaySchedule>();
  for (const s of builtIn) byYear.set(s.year, s);
  for (const s of stored) byYear.set(s.year, s);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Strips a stored arrangement down to the schedule the core counts with. */
export function scheduleOf(s: HolidaySchedule) {
  return {
    year: s.year,
    title: s.title,
    documentNumber: s.documentNumber,
    issuedOn: s.issuedOn,
    holidays: s.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
    makeUpWorkdays: [...s.makeUpWorkdays],
  } satisfies HolidaySchedule;
}

/**
 * Makes the stored years (with the built-in ones) the calendar every working-day count of this
 * process uses: called at server start, after each saved arrangement, and by the CLI commands that
 * open the database. Returns the years with an arrangement.
 */
export async function activateStoredCalendar(db: StoreDb): Promise<number[]> {
  const stored = await listHolidayArrangements(db);
  return [...activateHolidaySchedules(unionOfSchedules(stored.map(scheduleOf))).years];
}

/**
 * Brings this process's calendar in line with the stored years when they differ from what it
 * loaded last (`previous`, the fingerprint this function returned before; null at first): another
 * instance sharing the database may have saved a year. Returns the fingerprint of the stored
 * years and whether the calendar was reloaded. The open deadlines were recomputed by the instance
 * that saved.
 */
export async function syncStoredCalendar(
  db: StoreDb,
  previous: string | null,
): Promise<{ fingerprint: string; reloaded: boolean }> {
  const stored = (await listHolidayArrangements(db)).map(scheduleOf);
  const fingerprint = JSON.stringify(stored);
  if (fingerprint === previous) return { fingerprint, reloaded: false };
  activateHolidaySchedules(unionOfSchedules(stored));
  return { fingerprint, reloaded: true };
}
