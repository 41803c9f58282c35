import type { Job } from '../../core/jobs/job.ts';
import { jobKindLabel } from '../../use-cases/jobs/job-kinds.ts';

/** What leaves the server of a job: its progress and outcome, not its payload (which names its creator). */
export function presentJob(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    label: jobKindLabel(job.kind),
    state: job.state,
    done: job.done,
    total: job.total,
    message: job.message,
    error: job.error,
    attempts: job.attempts,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
}
