import { expect, it } from 'vitest';
import { TEST_ACTOR } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { momentOf } from '../../core/moment.ts';
import { getImportBatch, saveImportBatch } from '../../store/imports/import-batches.ts';
import { createRegion } from '../../store/organisation/organisation.repository.ts';
import { cancelImportBatch } from './cancel-import-batch.ts';

const HOUR = 60 * 60 * 1000;

describeEachDialect('import previews', (t) => {
  it('are purged a day after they expire or are cancelled, when a new preview is saved; confirmed ones stay', async () => {
    const region = await createRegion(t.db, {
      code: `91${String(Date.now()).slice(-4)}`,
      name: '测试市',
      level: 'city',
    });
    const start = new Date('2026-01-10T08:00:00.000Z');
    const at = (hours: number) => momentOf(new Date(start.getTime() + hours * HOUR));
    const save = (hours: number) => saveImportBatch(t.db, region.id, {}, [], TEST_ACTOR, at(hours));

    const abandoned = await save(0); // expires at +24 h, purged from +48 h
    const cancelled = await save(1);
    await t.db.transaction().execute((trx) => cancelImportBatch(trx, cancelled, TEST_ACTOR, at(2)));
    const confirmed = await save(3);
    await t.db
      .updateTable('import_batches')
      .set({ status: 'confirmed' })
      .where('id', '=', confirmed.id)
      .execute();

    await save(25); // the abandoned one has expired but may still be looked at
    expect(await getImportBatch(t.db, abandoned.id)).not.toBeNull();
    expect(await getImportBatch(t.db, cancelled.id)).toMatchObject({ status: 'cancelled' });

    const later = await save(48);
    expect(await getImportBatch(t.db, abandoned.id)).toBeNull();
    expect(await getImportBatch(t.db, cancelled.id)).toBeNull();
    expect(await getImportBatch(t.db, confirmed.id)).toMatchObject({ status: 'confirmed' });
    expect(await getImportBatch(t.db, later.id)).toMatchObject({ status: 'pending' });
  });
});
