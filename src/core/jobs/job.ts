/**
 * Long work run by workers (an import of thousands of files; later OCR and regional exports):
 * the states a job goes through and what the web and the CLI show of it.
 *
 * queued → running → succeeded | failed. A job runs as independent parts (one worker each); it
 * succeeds when every part has, and fails when a part failed after its retries — what its
 * finished parts did stays done and is recorded (e.g. each file's outcome of an import).
 */
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_STATE_LABELS: Readonly<Record<JobState, string>> = {
  queued: '排队中',
  running: '进行中',
  succeeded: '已完成',
  failed: '失败',
};

/** A job as the web and the CLI see it. */
export interface Job {
  id: string;
  kind: string;
  state: JobState;
  /** Units done of `total` (files of an import). */
  done: number;
  total: number;
  /** What the job is doing now, or did last (Chinese). */
  message: string | null;
  /** What a succeeded job produced (the kind's result, e.g. an import summary). */
  result: unknown;
  /** Why it failed (Chinese). */
  error: string | null;
  /** Independent parts, each run by one worker. */
  parts: number;
  /** Runs of parts started, retries included. */
  attempts: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** Finished: nothing more will happen to it. */
export const isJobFinished = (state: JobState): boolean => state === 'succeeded' || state === 'failed';
