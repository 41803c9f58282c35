import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { handCountTable3, insertRandomApplications } from '../../../test/support/insert-applications.ts';
import {
  enterTestFigures,
  fileTestCase,
  insertTestReportVersion,
  issueTestDocument,
  recordFeesCharged,
} from '../../../test/support/report-records.ts';
import {
  applyTestEvent,
  createTestAgency,
  registerTestApplication,
  TEST_ACTOR,
  TEST_NOW,
} from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import type { ApplicationEvent } from '../../core/applications/application.ts';
import { AppError } from '../../core/errors.ts';
import { momentOf } from '../../core/moment.ts';
import { TABLE3_ROW_KEYS } from '../../core/report/labels.ts';
import { checkNarrative } from '../../core/rules/narrative/check-narrative.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import type { ReportActor } from '../../store/reports/annual-reports.repository.ts';
import { getAnnualReport, listAnnualReports } from '../../store/reports/read-annual-reports.ts';
import { createWorkRecord } from '../work-records/create-work-record.ts';
import { assembleAnnualReport } from './assemble-annual-report.ts';
import { previewAnnualReport } from './preview-annual-report.ts';
import { reassembleReport } from './reassemble-annual-report.ts';
import { saveReportSections } from './save-report-sections.ts';

const OFFICER: ReportActor = { userId: 'u-officer', label: '测试经办人', role: 'officer' };
const SUPERVISOR: ReportActor = { userId: 'u-sup', label: '测试主管部门', role: 'supervisor' };

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describeEachDialect('annual reports: assembly and drafts', (t) => {
  const assemble = (agencyId: string, year: number, actor = OFFICER, now = TEST_NOW) =>
    t.db.transaction().execute((trx) => assembleAnnualReport(trx, { agencyId, year }, actor, now));

  it('assembles table 三 equal to a hand count of random records, for two consecutive years', async () => {
    for (const seed of [11, 12]) {
      const { agency } = await createTestAgency(t.db);
      const facts = await insertRandomApplications(t.db, {
        agencyId: agency.id,
        count: 400,
        seed,
        from: '2023-06-01',
        days: 900,
      });
      for (const year of [2024, 2025]) {
        await enterTestFigures(t.db, agency.id, year);
        await recordFeesCharged(t.db, agency.id, year);
        const stored = await assemble(agency.id, year);
        const hand = handCountTable3(facts, year);
        for (const key of TABLE3_ROW_KEYS) {
          expect(stored.report.table3[key], `${year} ${key}`).toEqual(hand[key] ?? [0, 0, 0, 0, 0, 0, 0]);
        }
        expect(stored.report.table3.newReceived[6]).toBeGreaterThan(50);
        expect(stored.report.table3.carriedOver[6]).toBeGreaterThan(0);
        // Consistent by construction: no error, numbers_json is the report's tables.
        expect(stored.errorCount).toBe(0);
        const row = await t.db
          .selectFrom('annual_reports')
          .select(['numbers_json', 'error_count', 'status', 'version', 'origin'])
          .where('id', '=', stored.id)
          .executeTakeFirstOrThrow();
        expect(JSON.parse(row.numbers_json)).toEqual({
          table2: stored.report.table2,
          table3: stored.report.table3,
          table4: stored.report.table4,
        });
        expect(row).toMatchObject({ error_count: 0, status: 'draft', version: 1, origin: 'assembled' });
      }
    }
  });

  it('takes table 二 from the register and figures, table 四 from the cases', async () => {
    const { agency } = await createTestAgency(t.db);
    await issueTestDocument(t.db, agency.id, '2024-05-06', 1);
    await issueTestDocument(t.db, agency.id, '2025-03-03', 2);
    await issueTestDocument(t.db, agency.id, '2025-09-09', 3);
    await enterTestFigures(t.db, agency.id, 2025);
    await fileTestCase(t.db, agency.id, 'review', '2025-02-01', {
      result: 'upheld',
      decidedOn: '2025-04-01',
    });
    await fileTestCase(t.db, agency.id, 'review', '2025-11-01');
    await fileTestCase(t.db, agency.id, 'litigationDirect', '2025-06-01', {
      result: 'corrected',
      decidedOn: '2025-10-01',
    });
    const stored = await assemble(agency.id, 2025);
    expect(stored.report.table2).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 2, repealed: 0, inForce: 3 },
      licensing: 13,
      punishment: 4,
      coercion: 1,
      feesWanYuan: 12.5,
    });
    expect(stored.report.table4).toEqual({
      review: [1, 0, 0, 1, 2],
      litigationDirect: [0, 1, 0, 0, 1],
      litigationAfterReview: [0, 0, 0, 0, 0],
    });
    expect(stored.errorCount).toBe(0);
    expect(stored.report.sections.overview).toContain('制发行政规范性文件2件');
    expect(stored.report.sections.overview).toContain('政府信息公开行政复议2件');
  });

  it('counts figures not entered as blank cells: an error that names them', async () => {
    const { agency } = await createTestAgency(t.db);
    const stored = await assemble(agency.id, 2025);
    expect(stored.report.table2.licensing).toBeNull();
    expect(stored.errorCount).toBeGreaterThan(0);
  });

  it('drafts section 一 from the numbers and names the agency and year', async () => {
    const { agency } = await createTestAgency(t.db);
    await insertRandomApplications(t.db, {
      agencyId: agency.id,
      count: 30,
      seed: 5,
      from: '2025-01-01',
      days: 365,
    });
    const stored = await assemble(agency.id, 2025);
    const received = stored.report.table3.newReceived[6];
    expect(stored.report.sections.overview).toContain(`共收到政府信息公开申请${received}件`);
    expect(stored.report.title).toBe(`${agency.name}2025年政府信息公开工作年度报告`);
    expect(stored.report.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(stored.report.publishedOn).toBeNull();
  });

  it('states the year’s answers on time and late in section 一, counted from the cases', async () => {
    const { agency } = await createTestAgency(t.db);
    // Handed in Monday 2025-03-03, due Monday 2025-03-31: answered on the day, and on 04-07 (late).
    for (const answeredOn of ['2025-03-31', '2025-04-07', null]) {
      const { application } = await registerTestApplication(t.db, agency.id, {
        channel: 'in-person',
        submittedOn: '2025-03-03',
      });
      const event: ApplicationEvent = answeredOn
        ? { type: 'answered', on: answeredOn, outcome: 'granted' }
        : { type: 'withdrawn', on: '2025-03-10' };
      await applyTestEvent(t.db, application, event);
    }
    await enterTestFigures(t.db, agency.id, 2025);
    await recordFeesCharged(t.db, agency.id, 2025);
    const stored = await assemble(agency.id, 2025);
    expect(stored.report.sections.overview).toContain(
      '作出答复2件，其中按期答复1件、逾期答复1件，按时答复率50.0%',
    );
    expect(
      checkNarrative(stored.report).filter(
        (f) => f.severity !== 'info' && f.assessable && f.ruleId.startsWith('N-'),
      ),
    ).toEqual([]);
  });

  it('drafts sections 一 and 六 from the work records of the year too: an open day, the fee', async () => {
    const { agency } = await createTestAgency(t.db);
    const enter = (record: unknown) =>
      t.db.transaction().execute((trx) => createWorkRecord(trx, agency.id, record, TEST_ACTOR, TEST_NOW));
    await enter({
      kind: 'evaluation',
      data: {
        kind: 'openDay',
        theme: '走进政务服务中心',
        heldOn: '2025-05-20',
        participants: 41,
        formsHandedOut: 40,
        suggestions: [],
      },
    });
    await enter({ kind: 'figures', data: { year: 2025, inAnnualAssessment: true, processingFeesYuan: 0 } });
    const stored = await assemble(agency.id, 2025);
    expect(stored.report.sections.overview).toContain('开展以“走进政务服务中心”为主题的政府开放日');
    expect(stored.report.sections.overview).toContain('参加41人，发放征求意见表40份');
    expect(stored.report.sections.other).toContain('未收取信息处理费');
    // The draft is what the narrative rules accept.
    // Only section 五 is left to the officer (S-04).
    const narrative = checkNarrative(stored.report).filter((f) => f.assessable && f.ruleId !== 'S-04');
    expect(narrative).toEqual([]);
  });

  it('checks carry-over against the published report of the year before (Y-01)', async () => {
    const { agency } = await createTestAgency(t.db);
    await insertRandomApplications(t.db, {
      agencyId: agency.id,
      count: 120,
      seed: 31,
      from: '2024-03-01',
      days: 600,
    });
    await enterTestFigures(t.db, agency.id, 2024);
    await enterTestFigures(t.db, agency.id, 2025);
    const previous = await insertTestReportVersion(t.db, agency.id, 2024, 'published');
    const y01 = async () =>
      (await previewAnnualReport(t.db, agency.id, 2025, TEST_NOW.today)).findings.filter(
        (f) => f.ruleId === 'Y-01',
      );
    // Assembled from the same records, the two years agree: Y-01 assessed, nothing found.
    expect(await y01()).toEqual([]);
    const row = await t.db
      .selectFrom('annual_reports')
      .select('report_json')
      .where('id', '=', previous.id)
      .executeTakeFirstOrThrow();
    const stated = JSON.parse(row.report_json);
    stated.table3.carriedForward[0] += 1;
    stated.table3.carriedForward[6] += 1;
    await t.db
      .updateTable('annual_reports')
      .set({ report_json: JSON.stringify(stated) })
      .where('id', '=', previous.id)
      .execute();
    const found = await y01();
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.assessable).toBe(true);
  });

  it('refuses a second assembly of the same year, an unknown agency, a bad year and a supervisor', async () => {
    const { agency } = await createTestAgency(t.db);
    await assemble(agency.id, 2025);
    expect(await codeOf(assemble(agency.id, 2025))).toBe('CONFLICT');
    expect(await codeOf(assemble('no-such-agency', 2025))).toBe('NOT_FOUND');
    expect(await codeOf(assemble(agency.id, 2027))).toBe('INVALID_INPUT');
    expect(await codeOf(assemble(agency.id, 2020))).toBe('INVALID_INPUT');
    expect(await codeOf(assemble(agency.id, 2024, SUPERVISOR))).toBe('FORBIDDEN');
    expect(await listAnnualReports(t.db, agency.id)).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous assemblies of the same agency-year through', async () => {
    const { agency } = await createTestAgency(t.db);
    const results = await Promise.allSettled([assemble(agency.id, 2025), assemble(agency.id, 2025)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe('CONFLICT');
    expect(await listAnnualReports(t.db, agency.id)).toHaveLength(1);
  });

  it('saves section edits with optimistic concurrency: a stale revision is refused and changes nothing', async () => {
    const { agency } = await createTestAgency(t.db);
    const draft = await assemble(agency.id, 2025);
    const edited = await t.db
      .transaction()
      .execute((trx) =>
        saveReportSections(
          trx,
          agency.id,
          draft.id,
          { problems: '一是栏目更新不及时。' },
          draft.revision,
          OFFICER,
          TEST_NOW,
        ),
      );
    expect(edited.revision).toBe(draft.revision + 1);
    expect(edited.report.sections.problems).toBe('一是栏目更新不及时。');
    expect(edited.report.sections.overview).toBe(draft.report.sections.overview);
    expect(edited.warningCount).toBeLessThan(draft.warningCount); // S-04 (empty section 五) is gone
    const stale = t.db
      .transaction()
      .execute((trx) =>
        saveReportSections(trx, agency.id, draft.id, { problems: '覆盖' }, draft.revision, OFFICER, TEST_NOW),
      );
    expect(await codeOf(stale)).toBe('CONFLICT');
    expect((await getAnnualReport(t.db, agency.id, draft.id))?.report.sections.problems).toBe(
      '一是栏目更新不及时。',
    );
    const tooLong = t.db
      .transaction()
      .execute((trx) =>
        saveReportSections(
          trx,
          agency.id,
          draft.id,
          { other: '字'.repeat(50_001) },
          edited.revision,
          OFFICER,
          TEST_NOW,
        ),
      );
    expect(await codeOf(tooLong)).toBe('INVALID_INPUT');
    expect(await getAnnualReport(t.db, 'another-agency', draft.id)).toBeNull();
  });

  it('re-assembles the numbers of a draft from records added since, keeping the text', async () => {
    const { agency } = await createTestAgency(t.db);
    const first = await insertRandomApplications(t.db, {
      agencyId: agency.id,
      count: 20,
      seed: 7,
      from: '2025-01-01',
      days: 300,
    });
    const draft = await assemble(agency.id, 2025);
    const more = await insertRandomApplications(t.db, {
      agencyId: agency.id,
      count: 15,
      seed: 8,
      from: '2025-01-01',
      days: 300,
    });
    const again = await t.db
      .transaction()
      .execute((trx) => reassembleReport(trx, agency.id, draft.id, draft.revision, OFFICER, TEST_NOW));
    const hand = handCountTable3([...first, ...more], 2025);
    expect(again.report.table3.newReceived).toEqual(hand.newReceived);
    expect(again.report.sections).toEqual(draft.report.sections);
    // The drafted sentence now states an old count: the narrative rule N-02 says so.
    expect(again.warningCount).toBeGreaterThan(draft.warningCount);
  });

  it('audits assembly and edits, without any personal data', async () => {
    const { agency } = await createTestAgency(t.db);
    const draft = await assemble(agency.id, 2025, OFFICER, momentOf(new Date('2026-01-05T02:00:00Z')));
    await t.db
      .transaction()
      .execute((trx) =>
        saveReportSections(
          trx,
          agency.id,
          draft.id,
          { other: '本年度未收取信息处理费。' },
          1,
          OFFICER,
          TEST_NOW,
        ),
      );
    const entries = await listAuditEntries(t.db, 'annual-report', draft.id);
    expect(entries.map((e) => e.action)).toEqual(['assemble', 'edit-sections']);
    expect(entries[0]?.actor).toEqual({ userId: 'u-officer', label: '测试经办人' });
    const { n } = await sql<{
      n: number;
    }>`select count(*) as n from audit_log where entity = 'annual-report' and entity_id = ${draft.id}`
      .execute(t.db)
      .then((r) => r.rows[0]!);
    expect(Number(n)).toBe(2);
  });
});
