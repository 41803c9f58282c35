import type { FastifyInstance } from 'fastify';
import { nextYearMissing, nextYearMissingMessage } from '../../core/calendar/next-year-missing.ts';
import { knownCalendarYears } from '../../core/calendar/workdays.ts';
import { currentMoment } from './clock.ts';

/** How often the watch looks at the clock; it logs at most once per calendar day. */
export const CALENDAR_WATCH_INTERVAL_MS = 60 * 60 * 1000;

/**
 * From 1 November, logs once a day (in Chinese, with the English key calendar.next-year-missing)
 * that next year's holiday arrangement is not entered yet, reading the injectable clock.
 * Returns the check, so tests can call it without waiting for the timer.
 */
export function registerCalendarWatch(app: FastifyInstance): () => void {
  let lastLogged: string | null = null;
  const check = () => {
    const { today } = currentMoment(app);
    if (today === lastLogged || !nextYearMissing(today, knownCalendarYears())) return;
    lastLogged = today;
    app.log.warn(
      { key: 'calendar.next-year-missing', year: Number(today.slice(0, 4)) + 1 },
      nextYearMissingMessage(today),
    );
  };
  const timer = setInterval(check, CALENDAR_WATCH_INTERVAL_MS);
  timer.unref();
  app.addHook('onReady', async () => check());
  app.addHook('onClose', async () => clearInterval(timer));
  return check;
}
