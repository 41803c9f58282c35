import { expect, it } from 'vitest';
import { insertRandomApplications } from '../../../test/support/insert-applications.ts';
import { enterTestFigures, recordFeesCharged } from '../../../test/support/report-records.ts';
import { createTestAgency } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { AppError } from '../../core/errors.ts';
import { type Moment, momentOf } from '../../core/moment.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import { createAgency } from '../../store/organisation/organisation.repository.ts';
import type { ReportActor } from '../../store/reports/annual-reports.repository.ts';
import {
  getAnnualReport,
  getPublishedAnnualReport,
  listAnnualReports,
} from '../../store/reports/read-annual-reports.ts';
import type { StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';
import { applyReportTransition, type ReportTransition } from './apply-report-transition.ts';
import { assembleAnnualReport } from './assemble-annual-report.ts';
import { correctReport } from './correct-annual-report.ts';
import { saveReportSections } from './save-report-sections.ts';

const OFFICER: ReportActor = { userId: 'u-officer', label: '经办人', role: 'officer' };
const REVIEWER: ReportActor = { userId: 'u-reviewer', label: '审核人', role: 'reviewer' };
const REVIEWER2: ReportActor = { userId: 'u-reviewer-2', label: '另一审核人', role: 'reviewer' };
const ON = (day: string): Moment => momentOf(new Date(`${day}T10:00:00+08:00`));
const JAN = ON('2026-01-20');

async function errorOf(promise: Promise<unknown>): Promise<AppError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describeEachDialect('annual reports: workflow and versions', (t) => {
  const step = (
    r: StoredAnnualReport,
    transition: ReportTransition,
    actor: ReportActor,
    now = JAN,
    reason: string | null = null,
  ) =>
    t.db
      .transaction()
      .execute((trx) =>
        applyReportTransition(trx, r.agencyId, r.id, transition, reason, r.revision, actor, now),
      );

  async function draftFor(kind: AgencyKind = 'department', feesRecorded = true) {
    const { region } = await createTestAgency(t.db);
    const agency = await createAgency(t.db, { regionId: region.id, name: '测试市某局', kind });
    await insertRandomApplications(t.db, {
      agencyId: agency.id,
      count: 25,
      seed: 3,
      from: '2025-01-01',
      days: 330,
    });
    await enterTestFigures(t.db, agency.id, 2025);
    if (feesRecorded) await recordFeesCharged(t.db, agency.id, 2025);
    return t.db
      .transaction()
      .execute((trx) =>
        assembleAnnualReport(trx, { agencyId: agency.id, year: 2025 }, OFFICER, ON('2026-01-05')),
      );
  }

  it('refuses to submit a draft that still holds the fee placeholder of the drafting (N-12)', async () => {
    const draft = await draftFor('department', false);
    expect(draft.report.sections.other).toContain('（请根据收费记录填写金额');
    const refused = await errorOf(step(draft, 'submit', OFFICER));
    expect(refused?.code).toBe('INVALID_REPORT');
    expect(refused?.message).toContain('待填写的占位文字');
  });

  it('goes draft → submitted → approved → published, locks it, and audits each step', async () => {
    const draft = await draftFor();
    const submitted = await step(draft, 'submit', OFFICER);
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'u-officer' });
    const approved = await step(submitted, 'approve', REVIEWER);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'u-reviewer' });
    const published = await step(approved, 'publish', OFFICER);
    expect(published).toMatchObject({ status: 'published', publishedOn: '2026-01-20' });
    expect(published.report.publishedOn).toBe('2026-01-20');
    const edit = t.db
      .transaction()
      .execute((trx) =>
        saveReportSections(
          trx,
          draft.agencyId,
          draft.id,
          { problems: '改' },
          published.revision,
          OFFICER,
          JAN,
        ),
      );
    expect((await errorOf(edit))?.code).toBe('CONFLICT');
    expect((await getAnnualReport(t.db, draft.agencyId, draft.id))?.report.sections.problems).toBe('');
    const actions = (await listAuditEntries(t.db, 'annual-report', draft.id)).map((e) => e.action);
    expect(actions).toEqual(['assemble', 'submit', 'approve', 'publish']);
  });

  it('lets a reviewer send a submitted report back with a reason, shown until the next submission', async () => {
    const draft = await draftFor();
    const submitted = await step(draft, 'submit', OFFICER);
    expect((await errorOf(step(submitted, 'return', REVIEWER, JAN, ' ')))?.code).toBe('INVALID_INPUT');
    const returned = await step(submitted, 'return', REVIEWER, JAN, '第五部分过于简略');
    expect(returned).toMatchObject({ status: 'draft', returnReason: '第五部分过于简略' });
    const again = await step(returned, 'submit', OFFICER);
    expect(again).toMatchObject({ status: 'submitted', returnReason: null });
  });

  it('refuses a reviewer approving their own submission, and an officer approving at all', async () => {
    const draft = await draftFor();
    const submitted = await step(draft, 'submit', REVIEWER);
    expect((await errorOf(step(submitted, 'approve', REVIEWER)))?.code).toBe('FORBIDDEN');
    expect((await errorOf(step(submitted, 'approve', OFFICER)))?.code).toBe('FORBIDDEN');
    expect((await step(submitted, 'approve', REVIEWER2)).status).toBe('approved');
  });

  it('refuses steps out of order and stale revisions, changing nothing', async () => {
    const draft = await draftFor();
    expect((await errorOf(step(draft, 'approve', REVIEWER)))?.code).toBe('CONFLICT');
    expect((await errorOf(step(draft, 'publish', OFFICER)))?.code).toBe('CONFLICT');
    const submitted = await step(draft, 'submit', OFFICER);
    expect((await errorOf(step(draft, 'submit', OFFICER)))?.code).toBe('CONFLICT'); // stale revision
    expect((await getAnnualReport(t.db, draft.agencyId, draft.id))?.revision).toBe(submitted.revision);
  });

  it('refuses to submit a report with errors, naming them', async () => {
    const draft = await draftFor();
    const broken = { ...draft.report, table3: { ...draft.report.table3, granted: [1, 0, 0, 0, 0, 0, 2] } };
    await t.db
      .updateTable('annual_reports')
      .set({ report_json: JSON.stringify(broken) })
      .where('id', '=', draft.id)
      .execute();
    const error = await errorOf(step(draft, 'submit', OFFICER));
    expect(error?.code).toBe('INVALID_REPORT');
    expect(error?.message).toMatch(/T3-0\d/);
    expect((await getAnnualReport(t.db, draft.agencyId, draft.id))?.status).toBe('draft');
  });

  it('corrects a published report as a new draft version; both stay readable, the newest published is the report', async () => {
    const draft = await draftFor();
    const v1 = await step(
      await step(await step(draft, 'submit', OFFICER), 'approve', REVIEWER),
      'publish',
      OFFICER,
    );
    const noReason = t.db
      .transaction()
      .execute((trx) => correctReport(trx, v1.agencyId, v1.id, '', OFFICER, JAN));
    expect((await errorOf(noReason))?.code).toBe('INVALID_INPUT');
    const v2 = await t.db
      .transaction()
      .execute((trx) => correctReport(trx, v1.agencyId, v1.id, '表三数据更正', OFFICER, ON('2026-03-02')));
    expect(v2).toMatchObject({
      version: 2,
      status: 'draft',
      correctionReason: '表三数据更正',
      publishedOn: null,
    });
    expect(v2.report.table3).toEqual(v1.report.table3);
    const twice = t.db
      .transaction()
      .execute((trx) => correctReport(trx, v1.agencyId, v1.id, '再改', OFFICER, JAN));
    expect((await errorOf(twice))?.code).toBe('CONFLICT'); // v1 is no longer the newest
    expect((await getPublishedAnnualReport(t.db, v1.agencyId, 2025))?.id).toBe(v1.id);
    const v2published = await step(
      await step(await step(v2, 'submit', OFFICER), 'approve', REVIEWER),
      'publish',
      OFFICER,
      ON('2026-03-05'),
    );
    expect((await getPublishedAnnualReport(t.db, v1.agencyId, 2025))?.id).toBe(v2published.id);
    expect((await getAnnualReport(t.db, v1.agencyId, v1.id))?.report.publishedOn).toBe('2026-01-20');
    expect((await listAnnualReports(t.db, v1.agencyId, 2025)).map((s) => [s.version, s.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
  });

  it('allows late publication but flags it against the deadline of the agency kind', async () => {
    const department = await draftFor('department');
    const government = await draftFor('government');
    const publish = async (d: StoredAnnualReport) =>
      step(
        await step(await step(d, 'submit', OFFICER), 'approve', REVIEWER),
        'publish',
        OFFICER,
        ON('2026-02-10'),
      );
    const late = await publish(department);
    const inTime = await publish(government);
    expect(late.status).toBe('published');
    expect(late.warningCount).toBe(inTime.warningCount + 1); // P-01 for the department only
  });
});
