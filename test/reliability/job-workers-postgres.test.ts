import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/core/jobs/job.ts';
import { isJobFinished } from '../../src/core/jobs/job.ts';
import { type OpenedDatabase, openDatabase } from '../../src/store/dialect.ts';
import type { JobQueue, QueueSettings } from '../../src/store/jobs/job-queue.ts';
import { getJob } from '../../src/store/jobs/jobs.repository.ts';
import { bossSchemaOf, openPgBossJobQueue } from '../../src/store/jobs/pg-boss-job-queue.ts';
import { migrateToLatest } from '../../src/store/migrations/migrate.ts';
import { enqueueFileImport } from '../../src/use-cases/imports/enqueue-import.ts';
import { IMPORT_PART_SIZE } from '../../src/use-cases/imports/import-files-job.ts';
import { createCorpusRegion, regionCorpus } from '../support/region-corpus.ts';
import { REPO_ROOT } from '../support/run-cli.ts';
import { TEST_ACTOR, TEST_NOW } from '../support/store-factories.ts';
import { postgresAvailable, tempPostgresSchema } from '../support/store-test-db.ts';

/** A part whose worker died is taken for dead after this long (the workers look every second). */
const EXPIRE_SECONDS = 15;

const encode = (text: string) => new TextEncoder().encode(text);

interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Parts it reported finished. */
  parts(): number;
}

describe.skipIf(!postgresAvailable)(
  'import jobs shared by `gongkai worker` processes on one PostgreSQL',
  () => {
    let schema: Awaited<ReturnType<typeof tempPostgresSchema>>;
    let opened: OpenedDatabase;
    const workers: WorkerProcess[] = [];
    const queues: JobQueue[] = [];

    const startWorkerProcess = (): WorkerProcess => {
      const child = spawn(
        process.execPath,
        [join(REPO_ROOT, 'bin/gongkai.js'), 'worker', '--db', schema.url],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, JOBS_MAINTENANCE_SECONDS: '1', JOBS_POLL_SECONDS: '0.5' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout!.on('data', (chunk) => {
        output += String(chunk);
      });
      child.stderr!.on('data', (chunk) => {
        output += String(chunk);
      });
      const worker = {
        child,
        output: () => output,
        parts: () => (output.match(/部分完成/g) ?? []).length,
      };
      workers.push(worker);
      return worker;
    };

    /** The test process only enqueues: its queue sends parts that expire after EXPIRE_SECONDS. */
    const queueWith = async (retryLimit: number): Promise<JobQueue> => {
      const settings: QueueSettings = {
        expireSeconds: EXPIRE_SECONDS,
        retryLimit,
        maintenanceSeconds: 1,
        pollSeconds: 0.5,
        concurrency: 1,
      };
      const queue = await openPgBossJobQueue(opened.db, schema.url, settings, () => {});
      queues.push(queue);
      return queue;
    };

    const importJob = async (queue: JobQueue, agencies: number) => {
      const corpus = regionCorpus({ agencies, years: [2023, 2024] });
      const { region, agencies: created } = await createCorpusRegion(opened.db, corpus);
      const sources = corpus.files.map((f) => ({ name: f.name, read: () => encode(f.text) }));
      const { job, batchId } = await enqueueFileImport(
        opened.db,
        queue,
        { regionId: region.id },
        sources,
        TEST_ACTOR,
        TEST_NOW,
      );
      return { job, batchId, corpus, agencyIds: [...created.values()].map((a) => a.id) };
    };

    const until = async (what: string, test: (job: Job) => boolean, jobId: string, seconds = 120) => {
      for (let i = 0; i < seconds * 10; i += 1) {
        const job = (await getJob(opened.db, jobId))!;
        if (test(job)) return job;
        await sleep(100);
      }
      throw new Error(`${what}: timed out; workers said:\n${workers.map((w) => w.output()).join('\n---\n')}`);
    };

    /** Each stored report of these agencies by source file: a file stored twice shows as 2. */
    const storedFiles = async (agencyIds: string[]) => {
      const rows = await opened.db
        .selectFrom('annual_reports')
        .select(['source_file_name', (eb) => eb.fn.countAll<string>().as('n')])
        .where('agency_id', 'in', agencyIds)
        .groupBy('source_file_name')
        .execute();
      return new Map(rows.map((r) => [r.source_file_name!, Number(r.n)]));
    };

    /** SIGTERM to every worker still running: each finishes its part and says it stopped. */
    const stopWorkers = async () => {
      for (const w of workers) {
        if (w.child.exitCode !== null || w.child.signalCode !== null) continue;
        w.child.kill('SIGTERM');
        await once(w.child, 'exit');
        expect(w.output()).toContain('工作进程已停止');
      }
    };

    /**
     * Resolves once one of the job's parts is running with files not yet stored (its worker is
     * reading them): a part that has committed but not yet told pg-boss does not count.
     */
    const partUnderWay = async (jobId: string, batchId: string, worker: WorkerProcess) => {
      const boss = await bossSchemaOf(opened.db);
      for (;;) {
        // Started (its attempt counted) and not reported finished by the worker.
        const job = (await getJob(opened.db, jobId))!;
        if (job.attempts <= worker.parts()) {
          await sleep(10);
          continue;
        }
        const active = await sql<{ part: string }>`select data->>'part' as part from ${sql.id(boss, 'job')}
        where state = 'active' and data->>'jobId' = ${jobId}`.execute(opened.db);
        for (const { part } of active.rows) {
          const from = Number(part) * IMPORT_PART_SIZE;
          const undone = await opened.db
            .selectFrom('import_files')
            .select('position')
            .where('batch_id', '=', batchId)
            .where('position', '>=', from)
            .where('position', '<', from + IMPORT_PART_SIZE)
            .where('status', 'is', null)
            .execute();
          if (undone.length > 0) return;
        }
        await sleep(10);
      }
    };

    // Each test's workers stop after it (each finishing its part), so that none takes the next test's parts.
    afterEach(() => stopWorkers(), 60_000);

    beforeAll(async () => {
      schema = await tempPostgresSchema();
      opened = openDatabase(schema.url);
      await migrateToLatest(opened.db);
    }, 60_000);

    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      for (const q of queues) await q.stop();
      await opened?.close();
      await schema?.drop();
    }, 60_000);

    it('two workers share a 2,000-file import and store every file exactly once', async () => {
      const queue = await queueWith(2);
      const { job, corpus, agencyIds } = await importJob(queue, 1000);
      expect(job.total).toBe(2000);
      expect(job.parts).toBe(2000 / IMPORT_PART_SIZE);
      const [a, b] = [startWorkerProcess(), startWorkerProcess()];
      const done = await until('the import', (j) => isJobFinished(j.state), job.id, 150);
      expect(done).toMatchObject({ state: 'succeeded', done: 2000, error: null });
      expect(done.result).toMatchObject({ imported: 2000, alreadyImported: 0, skipped: 0 });
      const stored = await storedFiles(agencyIds);
      expect([...stored.keys()].sort()).toEqual(corpus.files.map((f) => f.name).sort());
      expect([...stored.values()].filter((n) => n !== 1)).toEqual([]);
      // Both took parts, and together exactly the job's parts (none run twice: no worker died).
      expect(a!.parts()).toBeGreaterThan(0);
      expect(b!.parts()).toBeGreaterThan(0);
      expect(a!.parts() + b!.parts()).toBe(job.parts);
      for (const w of [a!, b!]) {
        w.child.kill('SIGTERM');
        await once(w.child, 'exit');
        expect(w.output()).toContain('工作进程已停止');
      }
    }, 180_000);

    it('a worker killed (SIGKILL) in the middle of a part: another worker runs the part again, nothing is stored twice', async () => {
      const queue = await queueWith(2);
      const { job, batchId, corpus, agencyIds } = await importJob(queue, 100);
      const first = startWorkerProcess();
      await until('a part done and another one running', (j) => j.done >= IMPORT_PART_SIZE, job.id);
      await partUnderWay(job.id, batchId, first);
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      const killedAt = (await getJob(opened.db, job.id))!;
      expect(killedAt.done).toBeLessThan(killedAt.total);
      startWorkerProcess();
      const done = await until('the import after the kill', (j) => isJobFinished(j.state), job.id);
      expect(done).toMatchObject({ state: 'succeeded', done: 200, total: 200 });
      // The killed part was started twice: once by the killed worker, once more after it expired.
      expect(done.attempts).toBeGreaterThan(done.parts);
      const stored = await storedFiles(agencyIds);
      expect([...stored.keys()].sort()).toEqual(corpus.files.map((f) => f.name).sort());
      expect([...stored.values()].filter((n) => n !== 1)).toEqual([]);
    }, 120_000);

    it('with no retries left, the job of a killed worker fails cleanly: what was done stays done and recorded', async () => {
      const queue = await queueWith(0);
      const { job, batchId, agencyIds } = await importJob(queue, 60);
      const first = startWorkerProcess();
      await until('a part done', (j) => j.done >= IMPORT_PART_SIZE, job.id);
      await partUnderWay(job.id, batchId, first);
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      startWorkerProcess();
      const failed = await until('the failure', (j) => isJobFinished(j.state), job.id);
      expect(failed.state).toBe('failed');
      expect(failed.error).toContain('工作进程中断');
      // Every stored report is recorded as imported by the batch, and nothing else was stored.
      const recorded = await opened.db
        .selectFrom('import_files')
        .select('name')
        .where('batch_id', '=', batchId)
        .where('status', '=', 'imported')
        .execute();
      const stored = await storedFiles(agencyIds);
      expect([...stored.keys()].sort()).toEqual(recorded.map((r) => r.name).sort());
      expect([...stored.values()].filter((n) => n !== 1)).toEqual([]);
      expect(recorded.length).toBeGreaterThan(0);
      expect(recorded.length).toBeLessThan(120);
    }, 120_000);
  },
);
