import Fastify from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/server-test-app.ts';
import { describeEachDialect, type StoreTestContext } from '../../../test/support/store-test-db.ts';
import { HOLIDAY_SCHEDULES } from '../../core/calendar/holidays.ts';
import { activateHolidaySchedules } from '../../core/calendar/workdays.ts';
import { registerCalendarWatch } from './calendar-watch.ts';
import { registerClock } from './clock.ts';

type Line = { key?: string; year?: number; msg: string };

/** An instance of the watch on the suite's database, logging into `lines`. */
async function watched(t: StoreTestContext, clock: TestClock, lines: Line[]) {
  const app = Fastify({
    logger: { level: 'warn', stream: { write: (l: string) => lines.push(JSON.parse(l)) } },
  });
  app.decorate('db', t.db);
  registerClock(app, clock.now);
  const check = registerCalendarWatch(app);
  await app.ready();
  return { app, check };
}

afterEach(() => {
  activateHolidaySchedules(HOLIDAY_SCHEDULES);
});

describeEachDialect('registerCalendarWatch', (t) => {
  it('logs once a day from 1 November while next year is missing', async () => {
    const lines: Line[] = [];
    const clock = new TestClock('2026-10-31');
    const { app, check } = await watched(t, clock, lines);
    expect(lines).toEqual([]);
    clock.set('2026-11-01');
    expect(await check()).toBe(true);
    expect(await check()).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ key: 'calendar.next-year-missing', year: 2027 });
    expect(lines[0]?.msg).toMatch(/^2027年节假日安排尚未录入/);
    clock.set('2026-11-02');
    await check();
    expect(lines).toHaveLength(2);
    await app.close();
  });

  it('logs once a day across two instances sharing the database', async () => {
    const linesA: Line[] = [];
    const linesB: Line[] = [];
    const clock = new TestClock('2026-11-20');
    const a = await watched(t, clock, linesA);
    const b = await watched(t, clock, linesB);
    await Promise.all([a.check(), b.check(), a.check(), b.check()]);
    expect(linesA.length + linesB.length).toBe(1);
    clock.set('2026-11-21');
    await Promise.all([b.check(), a.check()]);
    expect(linesA.length + linesB.length).toBe(2);
    await a.app.close();
    await b.app.close();
  });

  it('is silent once next year is entered', async () => {
    activateHolidaySchedules([...HOLIDAY_SCHEDULES, { year: 2027, holidays: [], makeUpWorkdays: [] }]);
    const lines: Line[] = [];
    const { app } = await watched(t, new TestClock('2026-12-07'), lines);
    expect(lines).toEqual([]);
    await app.close();
  });
});
