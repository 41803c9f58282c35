import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/server-test-app.ts';
import { HOLIDAY_SCHEDULES } from '../../core/calendar/holidays.ts';
import { activateHolidaySchedules } from '../../core/calendar/workdays.ts';
import { registerCalendarWatch } from './calendar-watch.ts';
import { registerClock } from './clock.ts';

async function watched(clock: TestClock) {
  const lines: Array<{ key?: string; year?: number; msg: string }> = [];
  const app = Fastify({
    logger: { level: 'warn', stream: { write: (l: string) => lines.push(JSON.parse(l)) } },
  });
  registerClock(app, clock.now);
  const check = registerCalendarWatch(app);
  await app.ready();
  return { app, check, lines };
}

afterEach(() => {
  activateHolidaySchedules(HOLIDAY_SCHEDULES);
});

describe('registerCalendarWatch', () => {
  it('logs once a day from 1 November while next year is missing', async () => {
    const clock = new TestClock('2026-10-31');
    const { app, check, lines } = await watched(clock);
    expect(lines).toEqual([]);
    clock.set('2026-11-01');
    check();
    check();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ key: 'calendar.next-year-missing', year: 2027 });
    expect(lines[0]?.msg).toMatch(/^2027年节假日安排尚未录入/);
    clock.set('2026-11-02');
    check();
    expect(lines).toHaveLength(2);
    await app.close();
  });

  it('is silent once next year is entered', async () => {
    activateHolidaySchedules([...HOLIDAY_SCHEDULES, { year: 2027, holidays: [], makeUpWorkdays: [] }]);
    const { app, lines } = await watched(new TestClock('2026-12-07'));
    expect(lines).toEqual([]);
    await app.close();
  });
});
