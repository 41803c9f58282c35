import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handCountTable3 } from '../../../../test/support/insert-applications.ts';
import { type Headers, sessionHeaders } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { loadDemo } from '../../../cli/demo/load-demo.ts';
import type { ApplicantType } from '../../../core/applications/application.ts';
import { TABLE3_ROW_KEYS, type Table3RowKey } from '../../../core/report/labels.ts';
import { checkReport } from '../../../documents/check-report.ts';
import { readReportDocument } from '../../../documents/ingest/read-document.ts';
import { findUserByUsername } from '../../../store/users/users.repository.ts';

/**
 * Issue 6, first "Done when": a year of demo records for an agency produces an annual report whose
 * tables match a hand count, which passes every rule, renders to DOCX and PDF, and parses back to
 * the same numbers. The year is 2025, the demo loaded on 2026-01-15 (a year of applications up to
 * that day, with the demo's register, figures and cases for the year); the report goes through the API.
 * Tables 二 and 四 are counted by hand from the rows the demo stored, table 三 from its applications.
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
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  /** Table 二 counted by hand from the register rows and the year's figures. */
  async function handCountTable2() {
    const docs = await t.db
      .selectFrom('normative_documents')
      .select(['kind', 'issued_on', 'repealed_on'])
      .where('agency_id', '=', agencyId)
      .execute();
    const stock = (kind: string) => {
      const of = docs.filter((d) => d.kind === kind);
      return {
        issued: of.filter((d) => d.issued_on.startsWith('2025')).length,
        repealed: of.filter((d) => d.repealed_on?.startsWith('2025')).length,
        inForce: of.filter(
          (d) => d.issued_on <= '2025-12-31' && (d.repealed_on === null || d.repealed_on > '2025-12-31'),
        ).length,
      };
    };
    const figures = await t.db
      .selectFrom('enforcement_statistics')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    return {
      regulations: stock('regulation'),
      normativeDocuments: stock('normative'),
      licensing: figures.licensing,
      punishment: figures.punishment,
      coercion: figures.coercion,
      feesWanYuan: figures.fees_wan_yuan_e4 === null ? null : Number(figures.fees_wan_yuan_e4) / 10_000,
    };
  }

  /** Table 四 counted by hand: every case pending at some time in 2025, in its column as of 31 December. */
  async function handCountTable4() {
    const cases = await t.db
      .selectFrom('cases')
      .select(['kind', 'filed_on', 'decided_on', 'result'])
      .where('agency_id', '=', agencyId)
      .execute();
    const table: Record<string, number[]> = {
      review: [0, 0, 0, 0, 0],
      litigationDirect: [0, 0, 0, 0, 0],
      litigationAfterReview: [0, 0, 0, 0, 0],
    };
    const columns: Record<string, number> = { upheld: 0, corrected: 1, other: 2 };
    for (const c of cases) {
      if (c.filed_on > '2025-12-31' || (c.decided_on !== null && c.decided_on < '2025-01-01')) continue;
      const decidedInYear = c.decided_on !== null && c.decided_on <= '2025-12-31' && c.result !== null;
      table[c.kind]![decidedInYear ? columns[c.result!]! : 3]! += 1;
      table[c.kind]![4]! += 1;
    }
    return table;
  }

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
    expect(report.report.table2).toEqual(await handCountTable2());
    expect(report.report.table4).toEqual(await handCountTable4());
    // The demo has both kinds of records for the year: the tables are not trivially empty.
    expect((report.report.table2 as { licensing: number }).licensing).toBeGreaterThan(0);
    expect((report.report.table4 as { review: number[] }).review[4]).toBeGreaterThan(0);
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
