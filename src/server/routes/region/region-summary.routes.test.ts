import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../../test/support/generate-report.ts';
import { reportToText } from '../../../../test/support/report-to-text.ts';
import {
  createTestOrganisation,
  createTestUser,
  sessionHeaders,
  type TestOrganisation,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { TEST_ACTOR } from '../../../../test/support/store-factories.ts';
import { momentOf } from '../../../core/moment.ts';
import { reportSchema } from '../../../core/report/schema.ts';
import { readReportDocument } from '../../../documents/ingest/read-document.ts';
import { planImport } from '../../../store/imports/import-plan.ts';
import { createAgency } from '../../../store/organisation/organisation.repository.ts';
import { commitImport } from '../../../use-cases/imports/commit-import.ts';

const clock = new TestClock('2025-06-02');
let app: FastifyInstance;
let org: TestOrganisation;
let headers: Record<string, string>;
const a = { ...generateValidReport(21, { agency: '甲县数据局', year: 2024 }), publishedOn: '2025-01-20' };
const b = { ...generateValidReport(22, { agency: '甲县教育局', year: 2024 }), publishedOn: '2025-03-01' };

beforeAll(async () => {
  app = await buildServerTestApp({ now: clock.now });
  org = await createTestOrganisation(app.db);
  await createAgency(app.db, { regionId: org.countyA1.id, name: '甲县教育局', kind: 'department' });
  await createAgency(app.db, { regionId: org.countyA1.id, name: '甲县水务局', kind: 'department' });
  const sources = [a, b].map((r, i) => ({
    name: `r${i}.txt`,
    read: () => new TextEncoder().encode(`${reportToText(r)}发布日期：${r.publishedOn}\n`),
  }));
  const plan = await planImport(app.db, (bytes, name) => readReportDocument(bytes, name), sources, {
    regionId: org.cityA.id,
  });
  expect(plan.filter((f) => f.status === 'ready')).toHaveLength(2);
  await app.db
    .transaction()
    .execute((trx) => commitImport(trx, randomUUID(), org.cityA.id, plan, TEST_ACTOR, momentOf(clock.now())));
  headers = await sessionHeaders(
    app.db,
    await createTestUser(app.db, 'supervisor', { regionId: org.cityA.id }),
    clock.now(),
  );
});
afterAll(async () => {
  await app.close();
});

const url = (format: string) => `/api/region/regions/${org.cityA.code}/years/2024/summary?format=${format}`;

describe('GET /api/region/regions/:code/years/:year/summary', () => {
  it('gives the regional totals as a gongkai-report/1 with the late and missing agencies named', async () => {
    const res = await app.inject({ url: url('json'), headers });
    expect(res.statusCode).toBe(200);
    const report = reportSchema.parse(res.json());
    expect(report.table3.totalConcluded).toEqual(
      a.table3.totalConcluded.map((v, i) => v! + b.table3.totalConcluded[i]!),
    );
    expect(report.sections.problems).toContain('逾期未发布年度报告的机关：甲县水务局。');
    expect(report.sections.problems).toContain('逾期发布年度报告的机关：甲县教育局。');
  });

  it('renders in the national format and reads back to the same totals', async () => {
    const json = reportSchema.parse((await app.inject({ url: url('json'), headers })).json());
    const docx = await app.inject({ url: url('docx'), headers });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('docx');
    const read = await readReportDocument(new Uint8Array(docx.rawPayload), 'summary.docx');
    expect(read.report.table3).toEqual(json.table3);
    expect(read.report.table4).toEqual(json.table4);
  });

  it('is refused to a supervisor of another region', async () => {
    const other = await sessionHeaders(
      app.db,
      await createTestUser(app.db, 'supervisor', { regionId: org.cityB.id }),
      clock.now(),
    );
    const res = await app.inject({ url: url('md'), headers: other });
    expect(res.statusCode).toBe(403);
  });
});
