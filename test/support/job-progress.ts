/** A job that finishes no file for this long has hung (a part of an import takes about a second). */
export const STALLED_MS = 30_000;

/** The bound of a test that waits for a job: untilJobFinished catches a hung job long before. */
export const JOB_TEST_TIMEOUT_MS = 600_000;

interface JobView {
  state: string;
  done: number;
  total: number;
  error?: string | null;
}

/**
 * Reads `T` (a batch, a job) until its job has finished, waiting on the job's state rather than for a
 * fixed time: on PostgreSQL at load 20 on two cores a 1,500-file import job took 56 s (SQLite 16 s), and
 * a fixed number of reads or a 60 s test timeout failed it while it was still advancing. Fails when
 * the job fails or stops advancing (no file done for STALLED_MS): a hung job is caught, a slow one
 * waited for.
 */
export async function untilJobFinished<T>(read: () => Promise<T>, jobOf: (read: T) => JobView): Promise<T> {
  let done = -1;
  let advancedAt = Date.now();
  for (;;) {
    const latest = await read();
    const job = jobOf(latest);
    if (job.state === 'failed') throw new Error(`the job failed: ${job.error}`);
    if (job.state === 'succeeded') return latest;
    if (job.done !== done) [done, advancedAt] = [job.done, Date.now()];
    if (Date.now() - advancedAt > STALLED_MS) {
      throw new Error(`the job stopped advancing at ${done}/${job.total} files`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
