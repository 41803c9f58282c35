import type { Kysely } from 'kysely';
import { readReportDocument } from '../../src/documents/ingest/read-document.ts';
import type { Database } from '../../src/store/database.ts';
import { planImport } from '../../src/store/imports/import-plan.ts';
import { commitImport } from '../../src/use-cases/imports/commit-import.ts';
import type { RegionCorpus } from './region-corpus.ts';
import { TEST_ACTOR, TEST_NOW } from './store-factories.ts';

/** Imports a corpus's text files straight through the store (no worker): the fast path of store tests. */
export async function importCorpusThroughStore(
  db: Kysely<Database>,
  regionId: string,
  corpus: Pick<RegionCorpus, 'files'>,
) {
  const encoder = new TextEncoder();
  const plan = await planImport(
    db,
    (bytes, name) => readReportDocument(bytes, name),
    corpus.files.map((f) => ({ name: f.name, read: () => encoder.encode(f.text) })),
    { regionId },
  );
  return db
    .transaction()
    .execute((trx) => commitImport(trx, crypto.randomUUID(), regionId, plan, TEST_ACTOR, TEST_NOW));
}
