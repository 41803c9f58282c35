import readXlsxFile from 'read-excel-file/node';
import { expect, it } from 'vitest';
import { importCorpusThroughStore } from '../../../test/support/import-corpus.ts';
import { createCorpusRegion, regionCorpus } from '../../../test/support/region-corpus.ts';
import { registerTestApplication } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { EXPORT_COLUMNS, EXPORT_COLUMNS_ZH } from '../../core/region/export-columns.ts';
import { TABLE3_ROW_KEYS } from '../../core/report/labels.ts';
import { regionalExport } from '../../store/region/regional-export.ts';
import { exportRegion } from './export-region.ts';

const APPLICANT = {
  name: '欧阳静怡',
  idNumber: '640502199203154422',
  phone: '13995001234',
  address: '中卫市沙坡头区文昌南街88号',
  email: 'ouyang@example.cn',
};

describeEachDialect('regionalExport and exportRegion', (t) => {
  it('gives one row per agency-year with every cell of the report under its stable column, and no personal data', async () => {
    const corpus = regionCorpus({
      agencies: 12,
      years: [2023, 2024, 2025],
      missing: (i, y) => i === 3 && y === 2024,
    });
    const { region, agencies } = await createCorpusRegion(t.db, corpus);
    await importCorpusThroughStore(t.db, region.id, corpus);
    const first = [...agencies.values()][1]!;
    await registerTestApplication(t.db, first.id, { applicant: APPLICANT });

    const { columns, rows } = await regionalExport(t.db, region.id, 2023, 2024);
    expect(columns).toEqual(EXPORT_COLUMNS);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns).toContain('t3_granted_natural_person');
    expect(columns).toContain('t3_denied_state_secret_total');
    expect(columns).toContain('t4_litigation_after_review_pending');
    const expected = corpus.files.filter((f) => f.report.year <= 2024);
    expect(rows).toHaveLength(expected.length);
    const col = (name: string) => columns.indexOf(name);
    for (const f of expected) {
      const row = rows.find((r) => r[col('agency')] === f.agencyName && r[col('year')] === f.report.year)!;
      expect(row[col('region_code')]).toBe(region.code);
      expect(row[col('published_on')]).toBe(f.report.publishedOn);
      expect(row[col('t3_granted_natural_person')]).toBe(f.report.table3.granted[0]);
      expect(row[col('t3_total_concluded_total')]).toBe(f.report.table3.totalConcluded[6]);
      expect(row[col('t4_review_corrected')]).toBe(f.report.table4.review[1]);
      expect(row[col('t2_fees_wan_yuan')]).toBe(f.report.table2.feesWanYuan);
      // Every table-三 cell is there: the row's t3_ columns add up to the report's cells.
      const t3 = columns.flatMap((c, i) => (c.startsWith('t3_') ? [row[i] as number] : []));
      expect(t3).toHaveLength(25 * 7);
      expect(t3.reduce((a, b) => a + b, 0)).toBe(
        TABLE3_ROW_KEYS.reduce((s, k) => s + f.report.table3[k].reduce((a, b) => a! + b!, 0)!, 0),
      );
    }

    const csvBytes = await exportRegion(t.db, region, 2023, 2024, 'csv');
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes);
    const csvRows = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(csvRows[0]).toEqual(columns);
    expect(csvRows.slice(1)).toEqual(rows.map((r) => r.map((v) => (v === null ? '' : String(v)))));

    const xlsx = await exportRegion(t.db, region, 2023, 2024, 'xlsx');
    const [sheet] = await readXlsxFile(Buffer.from(xlsx));
    // XLSX is for people: the form's words head the columns by default; the keys on request.
    expect(sheet!.data[0]).toEqual(EXPORT_COLUMNS_ZH);
    const keyed = await exportRegion(t.db, region, 2023, 2024, 'xlsx', 'en');
    expect((await readXlsxFile(Buffer.from(keyed)))[0]!.data[0]).toEqual(columns);
    expect(sheet!.data.slice(1)).toEqual(rows);

    const json = JSON.parse(new TextDecoder().decode(await exportRegion(t.db, region, 2023, 2025, 'json')));
    expect(json.reports).toHaveLength(corpus.files.length);
    expect(
      json.reports.every(
        (r: { schema: string; provenance?: unknown }) =>
          r.schema === 'gongkai-report/1' && r.provenance === undefined,
      ),
    ).toBe(true);

    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const bytes = await exportRegion(t.db, region, 2023, 2025, format);
      const text =
        format === 'xlsx'
          ? JSON.stringify(await readXlsxFile(Buffer.from(bytes)))
          : new TextDecoder().decode(bytes);
      for (const value of Object.values(APPLICANT)) expect(text, `${format} ${value}`).not.toContain(value);
      expect(text).not.toContain(APPLICANT.name.slice(0, 2));
    }
  });

  it('refuses a reversed or too wide year range', async () => {
    const corpus = regionCorpus({ agencies: 1, years: [2024] });
    const { region } = await createCorpusRegion(t.db, corpus);
    await expect(exportRegion(t.db, region, 2025, 2024, 'csv')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(exportRegion(t.db, region, 2000, 2030, 'csv')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
