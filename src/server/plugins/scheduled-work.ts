import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { deleteExpiredCounters } from '../../store/rate-limits/rate-limit-counters.repository.ts';
import { claimScheduledRun } from '../../store/scheduled-runs/scheduled-runs.repository.ts';
import { deleteExpiredSessions } from '../../store/users/sessions.repository.ts';

/**
 * Small periodic work that must run once across every instance sharing the database (issue 19
 * item 2): each instance wakes up on its own timer, and the one that claims the task for the
 * current period (scheduled_runs, an atomic conditional upsert on both engines) runs it; the
 * others skip it. No leader to elect or lose: an instance that stops simply stops claiming.
 * A task whose run fails is not retried within its period (the next period runs it again).
 * Long work (imports, OCR, exports) belongs on the job queue, not here.
 */

/** This process among the instances, as written in scheduled_runs.claimed_by. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** How often expired sessions and rate-limit counters are purged. */
export const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Runs `work` when this instance claims `task` for `period`; returns whether it ran. Errors of the
 * claim or the work are logged, never thrown into a timer.
 */
export async function runOnce(
  app: FastifyInstance,
  task: string,
  period: string,
  work: () => Promise<void>,
): Promise<boolean> {
  try {
    const claimed = await claimScheduledRun(app.db, { task, period, instance: INSTANCE_ID, now: app.now() });
    if (!claimed) return false;
    await work();
    return true;
  } catch (error) {
    app.log.error({ err: error, key: 'scheduled-work.failed', task }, `定时任务 ${task} 执行失败`);
    return false;
  }
}

/** The period of a task repeated every `intervalMs`: the ISO instant its interval began. */
export function periodOf(now: Date, intervalMs: number): string {
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs).toISOString();
}

/** Purges expired sessions and rate-limit counters, once per PURGE_INTERVAL_MS across instances. */
export async function purgeExpired(app: FastifyInstance): Promise<boolean> {
  const now = app.now();
  return runOnce(app, 'purge-expired', periodOf(now, PURGE_INTERVAL_MS), async () => {
    const sessions = await deleteExpiredSessions(app.db, now);
    const counters = await deleteExpiredCounters(app.db, now);
    if (sessions + counters > 0)
      app.log.info({ key: 'scheduled-work.purged', sessions, counters }, '已清理过期会话与限流计数');
  });
}

/** The purge timer of this instance; returns the purge, so tests can call it without waiting. */
export function registerScheduledWork(app: FastifyInstance): () => Promise<boolean> {
  const purge = () => purgeExpired(app);
  const timer = setInterval(() => void purge(), PURGE_INTERVAL_MS);
  timer.unref();
  app.addHook('onReady', async () => {
    await purge();
  });
  app.addHook('onClose', async () => clearInterval(timer));
  return purge;
}
