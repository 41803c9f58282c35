import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../../test/support/generate-report.ts';
import { insertTestReportVersion } from '../../../../test/support/report-records.ts';
import { reportToText } from '../../../../test/support/report-to-text.ts';
import { createTestOrganisation, type TestOrganisation } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { TEST_ACTOR } from '../../../../test/support/store-factories.ts';
import { momentOf } from '../../../core/moment.ts';
import { readReportDocument } from '../../../documents/ingest/read-document.ts';
import { planImport } from '../../../store/imports/import-plan.ts';
import { createAgency } from '../../../store/organisation/organisation.repository.ts';
import { insertReportScans } from '../../../store/reports/report-scans.ts';
import { commitImport } from '../../../use-cases/imports/commit-import.ts';

const clock = new TestClock('2025-06-02');
let app: FastifyInstance;
let org: TestOrganisation;
let draftId: string;
const a = { ...generateValidReport(31, { agency: '甲县数据局', year: 2024 }), publishedOn: '2025-01-20' };
const b = { ...generateValidReport(32, { agency: '甲县教育局', year: 2024 }), publishedOn: '2025-01-25' };

beforeAll(async () => {
  app = await buildServerTestApp({ now: clock.now });
  org = await createTestOrganisation(app.db);
  await createAgency(app.db, { regionId: org.countyA1.id, name: '甲县教育局', kind: 'department' });
  const sources = [a, b].map((r, i) => ({
    name: `r${i}.txt`,
    read: () => new TextEncoder().encode(`${reportToText(r)}发布日期：${r.publishedOn}\n`),
  }));
  const plan = await planImport(app.db, (bytes, name) => readReportDocument(bytes, name), sources, {
    regionId: org.cityA.id,
  });
  await app.db
    .transaction()
    .execute((trx) => commitImport(trx, randomUUID(), org.cityA.id, plan, TEST_ACTOR, momentOf(clock.now())));
  // A draft of 2025 exists too: the public never sees it.
  draftId = (await insertTestReportVersion(app.db, org.agencyX.id, 2025, 'draft')).id;
});
afterAll(async () => {
  await app.close();
});

describe('public reports and statistics', () => {
  it('lists the published reports of a region and shows each one, never a draft', async () => {
    const list = await app.inject({ url: `/api/public/regions/${org.cityA.code}/reports?year=2024` });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { reportId: string; agencyName: string; publishedOn: string }[];
    expect(items.map((i) => [i.agencyName, i.publishedOn]).sort()).toEqual([
      ['甲县教育局', '2025-01-25'],
      ['甲县数据局', '2025-01-20'],
    ]);
    const html = await app.inject({ url: `/api/public/reports/${items[0]!.reportId}/document?format=html` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(items[0]!.agencyName);
    // 在线阅读 shows the report in the browser (locked down by its CSP); Word is still a download.
    expect(html.headers['content-disposition']).toMatch(/^inline; /);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    const docx = await app.inject({ url: `/api/public/reports/${items[0]!.reportId}/document?format=docx` });
    expect(docx.headers['content-disposition']).toMatch(/^attachment; /);
    const draft = await app.inject({ url: `/api/public/reports/${draftId}/document` });
    expect(draft.statusCode).toBe(404);
    expect(draft.json().message).toBe('没有这份已发布的年度报告');
    expect(
      (await app.inject({ url: `/api/public/regions/${org.cityA.code}/reports?year=2025` })).json().items,
    ).toEqual([]);
  });

  it('reads a report imported from a scan online with the 扫描件 note and its OCR confidence; the others without', async () => {
    const items = (
      await app.inject({ url: `/api/public/regions/${org.cityA.code}/reports?year=2024` })
    ).json().items as { reportId: string; agencyName: string }[];
    const [scanned, typed] = items;
    const scan = {
      pages: 5,
      meanConfidence: 88.4,
      minConfidence: 41,
      cellsRead: 180,
      cellsCorrected: 1,
      cellsUnreadable: 0,
    };
    await app.db
      .transaction()
      .execute((trx) => insertReportScans(trx, [{ reportId: scanned!.reportId, scan }]));
    const page = (id: string) => app.inject({ url: `/api/public/reports/${id}/document?format=html` });
    const html = (await page(scanned!.reportId)).body;
    expect(html).toContain('扫描件 5 页');
    expect(html).toContain('平均识别置信度 88%（最低 41%）');
    expect((await page(typed!.reportId)).body).not.toContain('扫描件');
    // The downloads stay the official form.
    const md = await app.inject({ url: `/api/public/reports/${scanned!.reportId}/document?format=md` });
    expect(md.body).not.toContain('扫描件');
  });

  it('gives the region’s statistics by year as the sum of the published reports, and as CSV', async () => {
    const res = await app.inject({
      url: `/api/public/regions/${org.cityA.code}/statistics?from=2023&to=2024`,
    });
    expect(res.statusCode).toBe(200);
    const [y2023, y2024] = res.json().years;
    // No report in 2023: nothing is known, which is not zero.
    expect(y2023).toMatchObject({ year: 2023, reports: 0, receivedTotal: null });
    expect(y2024.reports).toBe(2);
    expect(y2024.receivedTotal).toBe(a.table3.newReceived[6]! + b.table3.newReceived[6]!);
    expect(y2024.concluded).toBe(a.table3.totalConcluded[6]! + b.table3.totalConcluded[6]!);
    expect(y2024.outcomes.find((o: { key: string }) => o.key === 'granted').count).toBe(
      a.table3.granted[6]! + b.table3.granted[6]!,
    );
    const csv = await app.inject({
      url: `/api/public/regions/${org.cityA.code}/statistics?from=2023&to=2024&format=csv`,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]?.startsWith(`2024,2,`)).toBe(true);
  });

  it('refuses an impossible year range and an unknown region with a message', async () => {
    const range = await app.inject({
      url: `/api/public/regions/${org.cityA.code}/statistics?from=2025&to=2020`,
    });
    expect(range.statusCode).toBe(400);
    expect(range.json().message).toContain('年度范围无效');
    const unknown = await app.inject({ url: '/api/public/regions/000000/reports?year=2024' });
    expect(unknown.statusCode).toBe(404);
  });
});
