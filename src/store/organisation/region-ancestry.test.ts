import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { createRegion } from './organisation.repository.ts';
import { MAX_REGION_DEPTH, regionAncestry } from './region-ancestry.ts';

describeEachDialect('regionAncestry', (t) => {
  it('walks from a region up to the top, nearest first', async () => {
    const province = await createRegion(t.db, { code: '330000', name: '浙江省', level: 'province' });
    const city = await createRegion(t.db, {
      code: '330100',
      name: '杭州市',
      level: 'city',
      parentId: province.id,
    });
    const county = await createRegion(t.db, {
      code: '330106',
      name: '西湖区',
      level: 'county',
      parentId: city.id,
    });
    expect(await regionAncestry(t.db, county.id)).toEqual([county.id, city.id, province.id]);
    expect(await regionAncestry(t.db, city.id)).toEqual([city.id, province.id]);
    expect(await regionAncestry(t.db, province.id)).toEqual([province.id]);
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
