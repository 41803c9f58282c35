import type { Kysely } from 'kysely';
import type { HolidayRange, HolidaySchedule } from '../../core/calendar/holidays.ts';
import type { Database, HolidayArrangementsTable } from '../database.ts';

/** A stored arrangement: the schedule, where it came from and who entered it. */
export interface StoredHolidayArrangement extends HolidaySchedule {
  source: 'built-in' | 'entered';
  enteredByUserId: string | null;
  /** The user's display name, for lists; null for a built-in year. */
  enteredByName: string | null;
  enteredAt: string | null;
}

function toArrangement(
  row: HolidayArrangementsTable & { display_name: string | null },
): StoredHolidayArrangement {
  return {
    year: row.year,
    title: row.title,
    documentNumber: row.document_number,
    issuedOn: row.issued_on,
    holidays: JSON.parse(row.holidays_json) as HolidayRange[],
    makeUpWorkdays: JSON.parse(row.make_up_json) as string[],
    source: row.source,
    enteredByUserId: row.entered_by,
    enteredByName: row.display_name,
    enteredAt: row.entered_at,
  };
}

/** Every stored year, ascending. */
export async function listHolidayArrangements(db: Kysely<Database>): Promise<StoredHolidayArrangement[]> {
  const rows = await db
    .selectFrom('holiday_arrangements')
    .leftJoin('users', 'users.id', 'holiday_arrangements.entered_by')
    .selectAll('holiday_arrangements')
    .select('users.display_name')
    .orderBy('holiday_arrangements.year')
    .execute();
  return rows.map(toArrangement);
}

/** Stores an entered year (the caller validated it and checked the year is new). */
export async function insertHolidayArrangement(
  db: Kysely<Database>,
  schedule: HolidaySchedule,
  enteredBy: string | null,
  enteredAt: string,
): Promise<void> {
  await db
    .insertInto('holiday_arrangements')
    .values({
      year: schedule.year,
      title: schedule.title,
      document_number: schedule.documentNumber,
      issued_on: schedule.issuedOn,
      holidays_json: JSON.stringify(schedule.holidays),
      make_up_json: JSON.stringify(schedule.makeUpWorkdays),
      source: 'entered',
      entered_by: enteredBy,
      entered_at: enteredAt,
    })
    .execute();
}
