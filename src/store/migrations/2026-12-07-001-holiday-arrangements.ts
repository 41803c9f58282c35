// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';
import { HOLIDAY_SCHEDULES } from '../../core/calendar/holidays.ts';

/**
 * The holiday arrangements (国务院办公厅关于20XX年部分节假日安排的通知), one row per year (issue 15):
 * the working-day calendar is data the office keeps current. Seeded with the built-in notices
 * (2023–2026, DOMAIN.md §D); an administrator adds later years ('entered', with who and when).
 * holidays_json: [{name, from, to}]; make_up_json: ['YYYY-MM-DD'] (调休上班).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('holiday_arrangements')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('holidays_json', 'text', (c) => c.notNull())
    .addColumn('make_up_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('entered_at', 'text')
    .addCheckConstraint('holiday_arrangements_source_check', sql`source in ('built-in', 'entered')`)
    .execute();
  for (const s of HOLIDAY_SCHEDULES) {
    await db
      .insertInto('holiday_arrangements')
      .values({
        year: s.year,
        title: s.title,
        document_number: s.documentNumber,
        issued_on: s.issuedOn,
        holidays_json: JSON.stringify(s.holidays),
        make_up_json: JSON.stringify(s.makeUpWorkdays),
        source: 'built-in',
        entered_by: null,
        entered_at: null,
      })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('holiday_arrangements').execute();
}
