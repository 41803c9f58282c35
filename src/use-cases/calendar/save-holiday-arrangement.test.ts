import { afterEach, expect, it } from 'vitest';
import {
  applyTestEvent,
  createTestAgency,
  registerTestApplication,
} from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { HOLIDAY_SCHEDULES, type HolidaySchedule } from '../../core/calendar/holidays.ts';
import { activateHolidaySchedules, knownCalendarYears } from '../../core/calendar/workdays.ts';
import { AppError } from '../../core/errors.ts';
import { momentOf } from '../../core/moment.ts';
import { getApplication } from '../../store/applications/applications.repository.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import {
  insertHolidayArrangement,
  listHolidayArrangements,
} from '../../store/calendar/holiday-arrangements.repository.ts';
import { activateStoredCalendar, syncStoredCalendar } from './load-holiday-calendar.ts';
import { saveHolidayArrangement } from './save-holiday-arrangement.ts';

/** 2026-12-07 10:00 in China. */
const NOW = momentOf(new Date('2026-12-07T02:00:00.000Z'));
const ADMIN = { userId: null, label: '测试管理员' };

/** A made-up 2027 arrangement: 元旦 from Friday 1 to Tuesday 5 January. */
const MADE_UP_2027: HolidaySchedule = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  documentNumber: '国办发明电〔2026〕99号',
  issuedOn: '2026-11-20',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-05' }],
  makeUpWorkdays: [],
};

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

afterEach(() => {
  activateHolidaySchedules(HOLIDAY_SCHEDULES);
});

describeEachDialect('saveHolidayArrangement', (t) => {
  it('is seeded with the built-in years', async () => {
    const stored = await listHolidayArrangements(t.db);
    expect(stored.map((s) => [s.year, s.source])).toEqual(HOLIDAY_SCHEDULES.map((s) => [s.year, 'built-in']));
    expect(stored[2]).toMatchObject(HOLIDAY_SCHEDULES[2]!);
  });

  it('recomputes the open applications that depended on the year, with an audit entry each', async () => {
    const { agency } = await createTestAgency(t.db);
    const registered = await registerTestApplication(t.db, agency.id, { submittedOn: '2026-12-01' }, NOW);
    const extended = await applyTestEvent(
      t.db,
      registered.application,
      { type: 'extension', approvedOn: '2026-12-07', noticeOn: '2026-12-07', days: 20, approver: '主任' },
      NOW,
    );
    // 40 working days from 2026-12-01: 20 end on 12-29; then 12-30, 12-31, and with 元旦 on 01-01
    // only (statutory rule) 01-04 … 01-27 (暂定).
    expect(extended.answerDueOn).toBe('2027-01-27');
    const unaffected = await registerTestApplication(t.db, agency.id, { submittedOn: '2026-11-02' }, NOW);

    const saved = await t.db
      .transaction()
      .execute((trx) => saveHolidayArrangement(trx, MADE_UP_2027, ADMIN, NOW));
    expect(saved).toMatchObject({ year: 2027, recomputed: 1 });
    expect(knownCalendarYears()).toContain(2027);
    // With 元旦 to 01-05: 12-30, 12-31, 01-06 … 01-29 is the 20th further working day.
    const after = await getApplication(t.db, agency.id, extended.id);
    expect([after?.answerDueOn, after?.version]).toEqual(['2027-01-29', extended.version + 1]);
    const audit = await listAuditEntries(t.db, 'application', extended.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'deadline.recomputed',
      before: { answerDueOn: '2027-01-27', provisional: { years: [2027] } },
      after: { answerDueOn: '2027-01-29', provisional: null, reason: '依据2027年节假日安排重新计算' },
    });
    const other = await getApplication(t.db, agency.id, unaffected.application.id);
    expect(other?.version).toBe(unaffected.application.version);
    expect((await listAuditEntries(t.db, 'holiday-arrangement', '2027')).map((e) => e.action)).toEqual([
      'calendar.entered',
    ]);

    // A second process (or a restart) sees the stored year too.
    activateHolidaySchedules(HOLIDAY_SCHEDULES);
    expect(await activateStoredCalendar(t.db)).toContain(2027);
  });

  it('refuses a year entered twice, a built-in year, overlapping ranges, and stores nothing', async () => {
    const count = async () => (await listHolidayArrangements(t.db)).length;
    const before = await count();
    const save = (s: unknown) => () =>
      t.db.transaction().execute((trx) => saveHolidayArrangement(trx, s, ADMIN, NOW));
    const twice = await refusal(save({ ...MADE_UP_2027, year: 2026, title: 'x' }));
    expect([twice.code, twice.message]).toEqual([
      'CALENDAR_YEAR_EXISTS',
      '2026年的节假日安排已经录入，不能重复录入',
    ]);
    const overlap = await refusal(
      save({
        ...MADE_UP_2027,
        year: 2028,
        holidays: [
          { name: '元旦', from: '2028-01-01', to: '2028-01-03' },
          { name: '春节', from: '2028-01-03', to: '2028-01-10' },
        ],
      }),
    );
    expect(overlap.code).toBe('CALENDAR_RANGES_INVALID');
    expect(overlap.message).toContain('“元旦”');
    expect((await refusal(save({ ...MADE_UP_2027, year: 2029, issuedOn: null }))).code).toBe('INVALID_INPUT');
    expect(await count()).toBe(before);
  });
});

describeEachDialect('syncStoredCalendar', (t) => {
  it("reloads this process's calendar when another instance stored a year, and only then", async () => {
    const first = await syncStoredCalendar(t.db, null);
    expect(first.reloaded).toBe(true);
    expect(knownCalendarYears()).not.toContain(2027);
    expect(await syncStoredCalendar(t.db, first.fingerprint)).toEqual({
      fingerprint: first.fingerprint,
      reloaded: false,
    });
    // Another instance saves 2027: only the row reaches this process, through the database.
    await insertHolidayArrangement(t.db, MADE_UP_2027, null, NOW.at.toISOString());
    const second = await syncStoredCalendar(t.db, first.fingerprint);
    expect(second.reloaded).toBe(true);
    expect(knownCalendarYears()).toContain(2027);
  });
});
