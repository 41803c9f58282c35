import type { FastifyInstance } from 'fastify';
import { syncStoredCalendar } from '../../use-cases/calendar/load-holiday-calendar.ts';

/** How often an instance looks for holiday arrangements saved by another instance. */
export const CALENDAR_SYNC_INTERVAL_MS = 60 * 1000;

/**
 * Every instance keeps the working-day calendar in memory. A year saved on one instance reaches
 * the others within CALENDAR_SYNC_INTERVAL_MS: each reloads the stored years when they changed
 * (one small query a minute). Runs on every instance, not once across them.
 */
export function registerCalendarSync(app: FastifyInstance): void {
  let fingerprint: string | null = null;
  const sync = async () => {
    try {
      const outcome = await syncStoredCalendar(app.db, fingerprint);
      if (outcome.reloaded && fingerprint !== null)
        app.log.info({ key: 'calendar.reloaded' }, '已载入其他实例保存的节假日安排');
      fingerprint = outcome.fingerprint;
    } catch (error) {
      app.log.error({ err: error, key: 'calendar.sync-failed' }, '读取节假日安排失败');
    }
  };
  const timer = setInterval(() => void sync(), CALENDAR_SYNC_INTERVAL_MS);
  timer.unref();
  app.addHook('onReady', sync);
  app.addHook('onClose', async () => clearInterval(timer));
}
