import type { FastifyInstance } from 'fastify';
import { nextYearMissing, nextYearMissingMessage } from '../../core/calendar/next-year-missing.ts';
import { knownCalendarYears } from '../../core/calendar/workdays.ts';
import { currentMoment } from './clock.ts';
import { runOnce } from './scheduled-work.ts';

/** How often the watch looks at the clock; it logs at most once per calendar day. */
export const CALENDAR_WATCH_INTERVAL_MS = 60 * 60 * 1000;

/**
 * From 1 November, logs once a day (in Chinese, with the English key calendar.next-year-missing)
 * that next year's holiday arrangement is not entered yet, reading the injectable clock. Once a
 * day across every instance sharing the database: the instance that claims the day logs it.
 * Returns the check (true when it logged), so tests can call it without waiting for the timer.
 */
export function registerCalendarWatch(app: FastifyInstance): () => Promise<boolean> {
  const check = async () => {
    const { today } = currentMoment(app);
    if (!nextYearMissing(today, knownCalendarYears())) return false;
    return runOnce(app, 'calendar-watch', today, async () => {
      app.log.warn(
        { key: 'calendar.next-year-missing', year: Number(today.slice(0, 4)) + 1 },
        nextYearMissingMessage(today),
      );
    });
  };
  const timer = setInterval(() => void check(), CALENDAR_WATCH_INTERVAL_MS);
  timer.unref();
  app.addHook('onReady', async () => {
    await check();
  });
  app.addHook('onClose', async () => clearInterval(timer));
  return check;
}
