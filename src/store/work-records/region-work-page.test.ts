import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { sampleWorkRecords } from '../../../test/support/work-record-samples.ts';
import type { WorkRecordInput } from '../../core/work-records/work-record-kinds.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { regionWorkPage } from './region-work-page.ts';
import { insertWorkRecord } from './work-records.repository.ts';

describeEachDialect('regionWorkPage', (t) => {
  it('pages the agencies, filters them, and totals the whole region whatever the page', async () => {
    const samples = sampleWorkRecords();
    const city = await createRegion(t.db, { code: 'W640500', name: '分页市', level: 'city' });
    const county = await createRegion(t.db, {
      code: 'W640521',
      name: '分页县',
      level: 'county',
      parentId: city.id,
    });
    // Seven agencies: those at an even position held one open day each (2025), the others none;
    // every third one has a 建议提案 whose result is not published.
    const names = ['甲局', '乙局', '丙局', '丁局', '戊局', '己局', '庚局'];
    const agencies: Array<{ id: string; name: string; openDay: boolean; unpublished: boolean }> = [];
    for (const [i, name] of names.entries()) {
      const a = await createAgency(t.db, {
        regionId: i < 4 ? city.id : county.id,
        name,
        kind: 'department',
      });
      const openDay = i % 2 === 0;
      const unpublished = i % 3 === 0;
      await t.db.transaction().execute(async (trx) => {
        const at = '2025-06-01T00:00:00.000Z';
        if (openDay) {
          const record = {
            kind: 'evaluation',
            year: 2025,
            data: samples.evaluation.data,
          } as unknown as WorkRecordInput;
          await insertWorkRecord(trx, a.id, record, at);
        }
        if (unpublished) {
          const data = { ...samples.proposal.data, resultPublishedOn: null };
          await insertWorkRecord(
            trx,
            a.id,
            { kind: 'proposal', year: 2025, data } as unknown as WorkRecordInput,
            at,
          );
        }
      });
      agencies.push({ id: a.id, name, openDay, unpublished });
    }
    const all = await regionWorkPage(t.db, city.code, 2025, {}, { limit: 3, offset: 0 });
    expect(all.total).toBe(7);
    expect(all.totals.agencies).toBe(7);
    expect(all.totals.agenciesWithoutOpenDay).toBe(agencies.filter((a) => !a.openDay).length);
    expect(all.totals.openDays).toBe(agencies.filter((a) => a.openDay).length);
    expect(all.totals.agenciesWithUnpublishedResults).toBe(agencies.filter((a) => a.unpublished).length);
    expect(all.agencies).toHaveLength(3);

    // Every agency exactly once across the pages.
    const seen: string[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await regionWorkPage(t.db, city.code, 2025, {}, { limit: 3, offset });
      expect(page.totals).toEqual(all.totals);
      seen.push(...page.agencies.map((a) => a.agencyId));
    }
    expect([...seen].sort()).toEqual(agencies.map((a) => a.id).sort());

    const noOpenDay = await regionWorkPage(
      t.db,
      city.code,
      2025,
      { noOpenDay: true },
      { limit: 50, offset: 0 },
    );
    expect(noOpenDay.total).toBe(3);
    expect(noOpenDay.agencies.map((a) => a.agencyName).sort()).toEqual(
      agencies
        .filter((a) => !a.openDay)
        .map((a) => a.name)
        .sort(),
    );
    expect(noOpenDay.totals).toEqual(all.totals);
    const both = await regionWorkPage(
      t.db,
      city.code,
      2025,
      { noOpenDay: true, unpublishedResults: true },
      { limit: 50, offset: 0 },
    );
    expect(both.agencies.map((a) => a.agencyName)).toEqual(
      agencies.filter((a) => !a.openDay && a.unpublished).map((a) => a.name),
    );
    const beyond = await regionWorkPage(t.db, city.code, 2025, {}, { limit: 3, offset: 9 });
    expect(beyond).toMatchObject({ total: 7, agencies: [] });
  });
});
