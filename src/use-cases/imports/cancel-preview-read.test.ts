import { expect, it } from 'vitest';
import { createCorpusRegion, regionCorpus } from '../../../test/support/region-corpus.ts';
import { TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { readReportDocument } from '../../documents/ingest/read-document.ts';
import { getImportBatch } from '../../store/imports/import-batches.ts';
import { countUnreadImportFiles } from '../../store/imports/import-files.ts';
import { getJob } from '../../store/jobs/jobs.repository.ts';
import { sqliteJobQueue } from '../../store/jobs/sqlite-job-queue.ts';
import { partHandlers } from '../jobs/job-worker.ts';
import { cancelImportBatch, PREVIEW_CANCELLED } from './cancel-import-batch.ts';
import { enqueuePreviewRead } from './enqueue-import.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describeEachDialect('cancelling a preview while its files are read', (t) => {
  it('fails the reading job, drops the files, and a part that starts afterwards reads nothing', async () => {
    const corpus = regionCorpus({ agencies: 3, years: [2024] });
    const { region } = await createCorpusRegion(t.db, corpus);
    // The jobs table is the queue's shared part on both engines; no worker runs here, so the test
    // decides when a part runs.
    const queue = sqliteJobQueue(t.db, {
      expireSeconds: 60,
      retryLimit: 0,
      maintenanceSeconds: 60,
      pollSeconds: 60,
      concurrency: 1,
    });
    const batch = await enqueuePreviewRead(
      t.db,
      queue,
      { regionId: region.id },
      corpus.files.map((f) => ({ name: f.name, read: () => encode(f.text) })),
      TEST_ACTOR,
      TEST_NOW,
    );
    expect(await countUnreadImportFiles(t.db, batch.id)).toBe(corpus.files.length);

    const pending = (await getImportBatch(t.db, batch.id))!;
    await t.db.transaction().execute((trx) => cancelImportBatch(trx, pending, TEST_ACTOR, TEST_NOW));
    expect(await getJob(t.db, batch.jobId!)).toMatchObject({ state: 'failed', error: PREVIEW_CANCELLED });
    expect(await countUnreadImportFiles(t.db, batch.id)).toBe(0);

    const read = (bytes: Uint8Array, name: string) => readReportDocument(bytes, name);
    await partHandlers({ db: t.db, read }).run({ jobId: batch.jobId!, part: 0 });
    expect(await getJob(t.db, batch.jobId!)).toMatchObject({ state: 'failed', done: 0 });
    expect(await getImportBatch(t.db, batch.id)).toMatchObject({ status: 'cancelled', files: [] });
  });
});
