import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handCountTable3 } from '../../../../test/support/insert-applications.ts';
import {
  enterTestFigures,
  fileTestCase,
  issueTestDocument,
} from '../../../../test/support/report-records.ts';
import { type Headers, sessionHeaders } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { ApplicantType } from '../../../core/applications/application.ts';
import { TABLE3_ROW_KEYS, type Table3RowKey } from '../../../core/report/labels.ts';
import { checkReport } from '../../../documents/check-document.ts';
import { readReportDocument } from '../../../documents/ingest/read-document.ts';
import { momentOf } from '../../../store/moment.ts';
import { repealNormativeDocument } from '../../../store/records/normative-documents.repository.ts';
import { findUserByUsername } from '../../../store/users/users.repository.ts';
import { loadDemo } from '../../demo/load-demo.ts';

/**
 * Issue 6, first "Done when": a year of demo records for an agency produces an annual report whose
 * tables match a hand count, which passes every rule, renders to DOCX and PDF, and parses back to
 * the same numbers. The year is 2025, the demo loaded on 2026-01-15 (a year of applications up to
 * that day), the register, figures and cases entered for the year; the report goes through the API.
 */
describeEachDialect('a year of demo records → the published annual report', (t) => {
  const clock = new TestClock('2026-01-15');
  let app: FastifyInstance;
  let agencyId: string;
  let officer: Headers;
  let reviewer: Headers;
  let report: Record<string, unknown> & { id: string; revision: number; report: Record<string, unknown> };

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    const demo = await loadDemo(t.db, clock.at);
    expect(demo.applicationsCreated).toBeGreaterThan(60);
    const agency = await t.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', '中卫市数据局')
      .executeTakeFirstOrThrow();
    agencyId = agency.id;
    officer = await sessionHeaders(t.db, (await findUserByUsername(t.db, 'shuju.jingban'))!, clock.at);
    reviewer = await sessionHeaders(t.db, (await findUserByUsername(t.db, 'shuju.shenhe'))!, clock.at);
    // Table 二: one document of 2024 repealed in 2025, two issued in 2025; the year's figures.
    const old = await issueTestDocument(t.db, agencyId, '2024-03-01', 1);
    await issueTestDocument(t.db, agencyId, '2025-04-01', 2);
    await issueTestDocument(t.db, agencyId, '2025-08-01', 3);
    await t.db
      .transaction()
      .execute((trx) =>
        repealNormativeDocument(
          trx,
          agencyId,
          old.id,
          '2025-09-01',
          old.version,
          { userId: null, label: '测试' },
          momentOf(clock.at),
        ),
      );
    await enterTestFigures(t.db, agencyId, 2025);
    // Table 四: a reconsideration upheld, one still open, a direct lawsuit with the agency corrected.
    await fileTestCase(t.db, agencyId, 'review', '2025-03-10', { result: 'upheld', decidedOn: '2025-05-20' });
    await fileTestCase(t.db, agencyId, 'review', '2025-11-03');
    await fileTestCase(t.db, agencyId, 'litigationDirect', '2025-06-02', {
      result: 'corrected',
      decidedOn: '2025-12-01',
    });
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const api = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    (payload === undefined
      ? app.inject({ method, url, headers })
      : app.inject({ method, url, headers, payload })) as Promise<LightMyRequestResponse>;
  const base = () => `/api/agencies/${agencyId}/reports`;

  it('assembles tables that match a hand count of the records', async () => {
    const res = await api(officer, 'POST', base(), { year: 2025 });
    expect(res.statusCode, res.body).toBe(201);
    report = res.json();
    const rows = await t.db
      .selectFrom('applications')
      .select(['applicant_type', 'received_on', 'concluded_on', 'outcome'])
      .where('agency_id', '=', agencyId)
      .execute();
    const hand = handCountTable3(
      rows.map((r) => ({
        applicantType: r.applicant_type as ApplicantType,
        receivedOn: r.received_on,
        concludedOn: r.concluded_on,
        outcome: r.outcome as Table3RowKey | null,
      })),
      2025,
    );
    const table3 = report.report.table3 as Record<string, number[]>;
    for (const key of TABLE3_ROW_KEYS) expect(table3[key], key).toEqual(hand[key] ?? [0, 0, 0, 0, 0, 0, 0]);
    expect(table3.newReceived![6]).toBeGreaterThan(20);
    expect(table3.totalConcluded![6]).toBeGreaterThan(10);
    expect(report.report.table2).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 2, repealed: 1, inForce: 2 },
      licensing: 13,
      punishment: 4,
      coercion: 1,
      feesWanYuan: 12.5,
    });
    expect(report.report.table4).toEqual({
      review: [1, 0, 0, 1, 2],
      litigationDirect: [0, 1, 0, 0, 1],
      litigationAfterReview: [0, 0, 0, 0, 0],
    });
  });

  it('passes every rule once the officer has written sections 五 and 六', async () => {
    const res = await api(officer, 'PATCH', `${base()}/${report.id}/sections`, {
      expectedRevision: report.revision,
      problems: '一是政策解读形式较为单一；二是依申请公开答复文书的规范性有待提高。下一步将加强培训。',
      other: '本年度未收取信息处理费。本机关认真落实年度政务公开工作要点，各项任务均已完成。',
    });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
    const findings = report.findings as Array<{
      ruleId: string;
      severity: string;
      assessable: boolean;
      message: string;
    }>;
    expect(findings.filter((f) => f.assessable && f.severity !== 'info')).toEqual([]);
    expect(report.errorCount).toBe(0);
  });

  it('is submitted, approved and published in time', async () => {
    for (const [headers, action] of [
      [officer, 'submit'],
      [reviewer, 'approve'],
      [officer, 'publish'],
    ] as const) {
      const res = await api(headers, 'POST', `${base()}/${report.id}/transitions`, {
        action,
        expectedRevision: report.revision,
      });
      expect(res.statusCode, res.body).toBe(200);
      report = res.json();
    }
    expect(report).toMatchObject({
      status: 'published',
      publishedOn: '2026-01-15',
      late: false,
      errorCount: 0,
    });
  });

  for (const format of ['docx', 'pdf'] as const) {
    it(`renders to ${format.toUpperCase()} and parses back to the same numbers, passing every rule`, async () => {
      const res = await api(officer, 'GET', `${base()}/${report.id}/document?format=${format}`);
      expect(res.statusCode).toBe(200);
      const parsed = await readReportDocument(res.rawPayload, `report.${format}`);
      expect(parsed.format).toBe(format);
      expect(parsed.report.agency).toBe('中卫市数据局');
      expect(parsed.report.year).toBe(2025);
      expect(parsed.report.table2).toEqual(report.report.table2);
      expect(parsed.report.table3).toEqual(report.report.table3);
      expect(parsed.report.table4).toEqual(report.report.table4);
      const errors = checkReport(parsed.report, parsed).filter((f) => f.severity === 'error' && f.assessable);
      expect(errors).toEqual([]);
    }, 60_000);
  }
});
