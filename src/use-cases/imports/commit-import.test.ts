import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createCorpusRegion, regionCorpus } from '../../../test/support/region-corpus.ts';
import { seedTextPath } from '../../../test/support/seeds.ts';
import { TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { readReportDocument } from '../../documents/ingest/read-document.ts';
import { type ImportSource, planImport } from '../../store/imports/import-plan.ts';
import { createAgency, createRegion } from '../../store/organisation/organisation.repository.ts';
import { commitImport } from './commit-import.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const read = (bytes: Uint8Array, name: string) => readReportDocument(bytes, name);
const source = (name: string, bytes: Uint8Array): ImportSource => ({ name, read: () => bytes });
/** A seed's text with a line of its own, so that each test (and dialect) imports different bytes. */
const seedCopy = (name: '000' | '001' | '002' | '004') =>
  encode(`${readFileSync(seedTextPath(name), 'utf8')}\n（副本 ${crypto.randomUUID()}）\n`);

describeEachDialect('planImport and commitImport', (t) => {
  const commit = (regionId: string, plan: Awaited<ReturnType<typeof planImport>>) =>
    t.db
      .transaction()
      .execute((trx) => commitImport(trx, crypto.randomUUID(), regionId, plan, TEST_ACTOR, TEST_NOW));
  const rowsOf = (agencyIds: string[]) =>
    t.db.selectFrom('annual_reports').selectAll().where('agency_id', 'in', agencyIds).execute();

  it('stores each report once, as published and imported, and recognises a re-import of the same files', async () => {
    const corpus = regionCorpus({
      agencies: 30,
      years: [2023, 2024],
      missing: (i, y) => i === 4 && y === 2024,
    });
    const { region, agencies } = await createCorpusRegion(t.db, corpus);
    const sources = corpus.files.map((f) => source(f.name, encode(f.text)));
    const plan = await planImport(t.db, read, sources, { regionId: region.id });
    expect(plan.filter((f) => f.status === 'ready')).toHaveLength(59);
    const summary = await commit(region.id, plan);
    expect(summary).toMatchObject({ imported: 59, alreadyImported: 0, skipped: 0 });
    const ids = [...agencies.values()].map((a) => a.id);
    const rows = await rowsOf(ids);
    expect(rows).toHaveLength(59);
    expect(rows.every((r) => r.status === 'published' && r.origin === 'imported' && r.version === 1)).toBe(
      true,
    );
    for (const f of corpus.files) {
      const row = rows.find(
        (r) => r.agency_id === agencies.get(f.agencyName)!.id && r.year === f.report.year,
      )!;
      expect(JSON.parse(row.numbers_json)).toEqual({
        table2: f.report.table2,
        table3: f.report.table3,
        table4: f.report.table4,
      });
      expect(row.published_on).toBe(f.report.publishedOn);
    }
    const before = JSON.stringify(rows);
    const again = await planImport(t.db, read, sources, { regionId: region.id });
    expect(again.every((f) => f.status === 'duplicate')).toBe(true);
    expect(await commit(region.id, again)).toMatchObject({ imported: 0, alreadyImported: 59, skipped: 0 });
    expect(JSON.stringify(await rowsOf(ids))).toBe(before);
    // One audit entry per batch lists every stored report (and nothing personal).
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('entity', '=', 'import-batch')
      .where('entity_id', '=', summary.batchId)
      .execute();
    expect(audit).toHaveLength(1);
    const listed = JSON.parse(audit[0]!.after_json!).reports.map((r: { reportId: string }) => r.reportId);
    expect(listed.sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('skips, with a reason, reports of other regions, other years, non-reports and repeated files, storing nothing for them', async () => {
    const region = await createRegion(t.db, {
      code: `Z${crypto.randomUUID().slice(0, 8)}`,
      name: '中卫市',
      level: 'city',
    });
    const agency = await createAgency(t.db, {
      regionId: region.id,
      name: '中卫市工业和信息化局',
      kind: 'department',
    });
    const seed002 = seedCopy('002');
    const seed = (n: '002' | '004') => (n === '002' ? seed002 : seedCopy(n));
    const plan = await planImport(
      t.db,
      read,
      [
        source('002.txt', seed('002')),
        source('copy-of-002.txt', seed('002')),
        source('004.txt', seed('004')),
        source('list.txt', encode('购物清单\n苹果 3\n香蕉 5\n')),
        {
          name: 'broken.zip/x.txt',
          read: () => {
            throw new Error('压缩包中嵌套的压缩包不予展开');
          },
        },
      ],
      { regionId: region.id, year: 2023 },
    );
    expect(plan.map((f) => f.status)).toEqual(['ready', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(plan[1]!.reason).toContain('内容相同');
    expect(plan[2]!.reason).toContain('不属于本地区');
    expect(plan[3]!.reason).toContain('不像政府信息公开工作年度报告');
    expect(plan[4]!.reason).toContain('嵌套');
    const wrongYear = await planImport(t.db, read, [source('002.txt', seed('002'))], {
      regionId: region.id,
      year: 2024,
    });
    expect(wrongYear[0]).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('与指定的 2024 年不符'),
    });
    const summary = await commit(region.id, plan);
    expect(summary).toMatchObject({ imported: 1, skipped: 4 });
    expect(await rowsOf([agency.id])).toHaveLength(1);
  });

  it('follows a name mapping for a renamed agency, creates agencies on request, and stores a new file as the next version', async () => {
    const region = await createRegion(t.db, {
      code: `Z${crypto.randomUUID().slice(0, 8)}`,
      name: '中卫市',
      level: 'city',
    });
    const data = await createAgency(t.db, { regionId: region.id, name: '中卫市数据局', kind: 'department' });
    const seeds = (['000', '001', '002'] as const).map((n) => source(`${n}.txt`, seedCopy(n)));
    const unmapped = await planImport(t.db, read, seeds, { regionId: region.id });
    expect(unmapped.map((f) => f.status)).toEqual(['skipped', 'ready', 'skipped']);
    // The two skipped files name no agency of the region: the preview offers to choose one.
    expect(unmapped.map((f) => f.needsAgency ?? false)).toEqual([true, false, true]);
    const plan = await planImport(t.db, read, seeds, {
      regionId: region.id,
      mapping: { 中卫市云计算和大数据发展局: '中卫市数据局' },
      createAgencies: true,
    });
    expect(plan.map((f) => [f.status, f.match, f.agencyName])).toEqual([
      ['ready', 'mapping', '中卫市数据局'],
      ['ready', 'name', '中卫市数据局'],
      ['ready', 'new-agency', '中卫市工业和信息化局'],
    ]);
    const foreign = await planImport(t.db, read, [source('004.txt', seedCopy('004'))], {
      regionId: region.id,
      createAgencies: true,
    });
    expect(foreign[0]).toMatchObject({ status: 'skipped', reason: expect.stringContaining('未新建') });
    expect(await commit(region.id, plan)).toMatchObject({ imported: 3 });
    const created = await t.db
      .selectFrom('agencies')
      .selectAll()
      .where('region_id', '=', region.id)
      .execute();
    expect(created.map((a) => a.name).sort()).toEqual(['中卫市工业和信息化局', '中卫市数据局']);
    // The same report with a corrected line is another file: the next version of the agency-year.
    const next = await planImport(t.db, read, [source('001-v2.txt', seedCopy('001'))], {
      regionId: region.id,
    });
    await commit(region.id, next);
    const versions = await t.db
      .selectFrom('annual_reports')
      .select(['year', 'version'])
      .where('agency_id', '=', data.id)
      .orderBy('year')
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { year: 2023, version: 1 },
      { year: 2024, version: 1 },
      { year: 2024, version: 2 },
    ]);
  });
});
