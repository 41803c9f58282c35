import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { createRegion } from './organisation.repository.ts';
import { MAX_REGION_DEPTH, regionAncestry } from './region-ancestry.ts';

describeEachDialect('regionAncestry', (t) => {
  it('walks from a region up to the top, nearest first', async () => {
    const levels = [
      ['510000', '四川省', 'province'],
      ['510100', '成都市', 'city'],
      ['510104', '锦江区', 'county'],
    ] as const;
    const ids: string[] = [];
    for (const [code, name, level] of levels) {
      ids.push((await createRegion(t.db, { code, name, level, parentId: ids.at(-1) ?? null })).id);
    }
    const [province, city, county] = ids as [string, string, string];
    expect(await regionAncestry(t.db, county)).toEqual([county, city, province]);
    expect(await regionAncestry(t.db, city)).toEqual([city, province]);
    expect(await regionAncestry(t.db, province)).toEqual([province]);
  });

  it('has no chain for an unknown region', async () => {
    expect(await regionAncestry(t.db, 'missing')).toEqual([]);
  });

  it('stops at the depth bound on a corrupted (cyclic) chain', async () => {
    const a = await createRegion(t.db, { code: '990000', name: '甲', level: 'province' });
    const b = await createRegion(t.db, { code: '990100', name: '乙', level: 'city', parentId: a.id });
    await t.db.updateTable('regions').set({ parent_id: b.id }).where('id', '=', a.id).execute();
    const chain = await regionAncestry(t.db, b.id);
    expect(chain).toHaveLength(MAX_REGION_DEPTH);
    expect(chain.slice(0, 4)).toEqual([b.id, a.id, b.id, a.id]);
  });
});
