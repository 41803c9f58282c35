import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import {
  createAgency,
  createRegion,
  getAgency,
  listAgencies,
  listRegions,
} from './organisation.repository.ts';

describeEachDialect('organisation repository', (t) => {
  it('lists the agencies of a region and of every region below it', async () => {
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
    const other = await createRegion(t.db, { code: '320000', name: '江苏省', level: 'province' });
    const a = await createAgency(t.db, { regionId: province.id, name: '浙江省人民政府', kind: 'government' });
    const b = await createAgency(t.db, { regionId: city.id, name: '杭州市财政局', kind: 'department' });
    const c = await createAgency(t.db, { regionId: county.id, name: '西湖区人民政府', kind: 'government' });
    await createAgency(t.db, { regionId: other.id, name: '江苏省人民政府', kind: 'government' });

    const ids = async (regionId: string) => (await listAgencies(t.db, regionId)).map((x) => x.id).sort();
    expect(await ids(province.id)).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(city.id)).toEqual([b.id, c.id].sort());
    expect(await ids(county.id)).toEqual([c.id]);
    expect(await getAgency(t.db, b.id)).toEqual({
      id: b.id,
      regionId: city.id,
      name: '杭州市财政局',
      kind: 'department',
      closedOn: null,
      mergedInto: null,
    });
    expect(await getAgency(t.db, 'nope')).toBeNull();
    expect((await listRegions(t.db, province.id)).map((r) => r.name)).toEqual(['杭州市']);
  });

  it('refuses a duplicate code or agency name, an unknown parent and an upside-down hierarchy', async () => {
    const city = await createRegion(t.db, { code: '440300', name: '深圳市', level: 'city' });
    await expect(createRegion(t.db, { code: '440300', name: '重复', level: 'city' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      createRegion(t.db, { code: '440000', name: '广东省', level: 'province', parentId: city.id }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      createRegion(t.db, { code: '440301', name: 'x', level: 'county', parentId: 'missing' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await createAgency(t.db, { regionId: city.id, name: '深圳市司法局', kind: 'department' });
    await expect(
      createAgency(t.db, { regionId: city.id, name: '深圳市司法局', kind: 'department' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createAgency(t.db, { regionId: 'missing', name: 'x', kind: 'department' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
