import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCorpusRegion, regionCorpus } from '../../../test/support/region-corpus.ts';
import { TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import type { Job } from '../../core/jobs/job.ts';
import { isJobFinished } from '../../core/jobs/job.ts';
import { readReportDocument } from '../../documents/ingest/read-document.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { getImportBatch, saveImportBatch } from '../../store/imports/import-batches.ts';
import { planImport } from '../../store/imports/import-plan.ts';
import type { JobQueue, QueueSettings } from '../../store/jobs/job-queue.ts';
import { getJob } from '../../store/jobs/jobs.repository.ts';
import { openPgBossJobQueue } from '../../store/jobs/pg-boss-job-queue.ts';
import { sqliteJobQueue } from '../../store/jobs/sqlite-job-queue.ts';
import { startWorker } from '../jobs/job-worker.ts';
import { confirmImportBatch, enqueueFileImport } from './enqueue-import.ts';
import { IMPORT_PART_SIZE } from './import-files-job.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const read = (bytes: Uint8Array, name: string) => readReportDocument(bytes, name);
const SETTINGS: QueueSettings = {
  expireSeconds: 60,
  retryLimit: 1,
  maintenanceSeconds: 60,
  pollSeconds: 0.5,
  concurrency: 2,
};

async function finished(db: StoreDb, id: string): Promise<Job> {
  for (let i = 0; i < 600; i += 1) {
    const job = await getJob(db, id);
    if (job && isJobFinished(job.state)) return job;
    await sleep(100);
  }
  throw new Error(`job ${id} did not finish`);
}

describeEachDialect('an import run as a job', (t) => {
  let queue: JobQueue;
  beforeAll(async () => {
    queue =
      t.dialect === 'postgres'
        ? await openPgBossJobQueue(t.db, t.url, SETTINGS, () => {})
        : sqliteJobQueue(t.db, SETTINGS);
    await startWorker(queue, { db: t.db, read });
  }, 60_000);
  afterAll(async () => {
    await queue.stop();
  }, 60_000);

  it('reads and stores every file once, in parts, with progress, and a second import of the same files stores nothing', async () => {
    const corpus = regionCorpus({ agencies: 25, years: [2023, 2024] });
    const { region, agencies } = await createCorpusRegion(t.db, corpus);
    const sources = [
      ...corpus.files.map((f) => ({ name: f.name, read: () => encode(f.text) })),
      { name: 'bad.txt', read: () => encode('这不是一份年度报告') },
    ];
    expect(sources.length).toBeGreaterThan(2 * IMPORT_PART_SIZE);
    const { job, batchId } = await enqueueFileImport(
      t.db,
      queue,
      { regionId: region.id },
      sources,
      TEST_ACTOR,
      TEST_NOW,
    );
    expect(job).toMatchObject({ state: 'queued', total: sources.length, parts: 3 });
    const done = await finished(t.db, job.id);
    expect(done).toMatchObject({ state: 'succeeded', done: sources.length, total: sources.length });
    expect(done.result).toEqual({ batchId, imported: corpus.files.length, alreadyImported: 0, skipped: 1 });
    const rows = await t.db
      .selectFrom('annual_reports')
      .select(['agency_id', 'year', 'source_file_name'])
      .where(
        'agency_id',
        'in',
        [...agencies.values()].map((a) => a.id),
      )
      .execute();
    expect(rows.map((r) => `${r.source_file_name}`).sort()).toEqual(corpus.files.map((f) => f.name).sort());
    const batch = await getImportBatch(t.db, batchId);
    expect(batch?.summary?.files.find((f) => f.name === 'bad.txt')).toMatchObject({ status: 'skipped' });

    const again = await enqueueFileImport(
      t.db,
      queue,
      { regionId: region.id },
      sources,
      TEST_ACTOR,
      TEST_NOW,
    );
    const second = await finished(t.db, again.job.id);
    expect(second.result).toMatchObject({ imported: 0, alreadyImported: corpus.files.length, skipped: 1 });
  });

  it('stores a confirmed preview without reading its files again', async () => {
    const corpus = regionCorpus({ agencies: 3, years: [2024] });
    const { region } = await createCorpusRegion(t.db, corpus);
    const sources = corpus.files.map((f) => ({ name: f.name, read: () => encode(f.text) }));
    const plan = await planImport(t.db, read, sources, { regionId: region.id });
    const batch = await saveImportBatch(t.db, region.id, {}, plan, TEST_ACTOR, TEST_NOW);
    const job = await t.db
      .transaction()
      .execute((trx) => confirmImportBatch(trx, queue, batch, TEST_ACTOR, TEST_NOW));
    const done = await finished(t.db, job.id);
    expect(done.result).toMatchObject({ imported: 3, alreadyImported: 0, skipped: 0 });
    expect((await getImportBatch(t.db, batch.id))?.summary?.imported).toBe(3);
  });
});
