import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseKind, CaseResult } from '../../src/core/cases/case.ts';
import type { IsoDate } from '../../src/core/dates.ts';
import { type Moment, momentOf } from '../../src/core/moment.ts';
import type { Report } from '../../src/core/report/schema.ts';
import type { EnforcementFigures } from '../../src/core/table2-sources/enforcement-figures.ts';
import type { Actor } from '../../src/store/audit/audit.repository.ts';
import type { Database } from '../../src/store/database.ts';
import { refreshReportFigures } from '../../src/store/region/report-figures.ts';
import { decideCase } from '../../src/use-cases/cases/decide-case.ts';
import { fileCase } from '../../src/use-cases/cases/file-case.ts';
import { previewAnnualReport } from '../../src/use-cases/reports/preview-annual-report.ts';
import { issueNormativeDocument } from '../../src/use-cases/table2-sources/issue-normative-document.ts';
import { saveEnforcementFigures } from '../../src/use-cases/table2-sources/save-enforcement-figures.ts';
import { createWorkRecord } from '../../src/use-cases/work-records/create-work-record.ts';

/** Records behind tables 二 and 四, entered through the records engineer's repositories. */

const ACTOR: Actor = { userId: null, label: '测试经办人' };
const LATER: Moment = momentOf(new Date('2026-06-30T02:00:00.000Z'));

export const TEST_FIGURES: EnforcementFigures = {
  licensing: 13,
  punishment: 4,
  coercion: 1,
  feesWanYuanE4: 125_000, // 12.5 万元
};

/** Enters the agency-year's 行政许可 / 处罚 / 强制 counts and 行政事业性收费 (table 二 (五)(六)(八)). */
export function enterTestFigures(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
  figures: EnforcementFigures = TEST_FIGURES,
) {
  return db
    .transaction()
    .execute((trx) => saveEnforcementFigures(trx, agencyId, year, figures, null, ACTOR, LATER));
}

export function issueTestDocument(db: Kysely<Database>, agencyId: string, issuedOn: IsoDate, n: number) {
  return db.transaction().execute((trx) =>
    issueNormativeDocument(
      trx,
      agencyId,
      {
        kind: 'normative',
        documentNumber: `测试规〔${issuedOn.slice(0, 4)}〕${n}号`,
        title: `测试规范性文件${n}`,
        issuedOn,
      },
      ACTOR,
      LATER,
    ),
  );
}

/** Files a case, decided on `decidedOn` with `result` when given. */
export async function fileTestCase(
  db: Kysely<Database>,
  agencyId: string,
  kind: CaseKind,
  filedOn: IsoDate,
  decision?: { result: CaseResult; decidedOn: IsoDate },
) {
  return db.transaction().execute(async (trx) => {
    const filed = await fileCase(trx, agencyId, { kind, filedOn }, ACTOR, LATER);
    return decision ? decideCase(trx, agencyId, filed.id, decision, filed.version, ACTOR, LATER) : filed;
  });
}

/**
 * A new version of the agency-year's report, inserted as it stands (tests that need a report in a
 * given state, many times over): the report is what assembly would give now, the version the next
 * number; or `given`, a report made by the test. Returns the id and revision to address it with.
 */
export async function insertTestReportVersion(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
  status: 'draft' | 'submitted' | 'approved' | 'published',
  given?: Report,
): Promise<{ id: string; revision: number }> {
  const report = given ?? (await previewAnnualReport(db, agencyId, year, LATER.today)).report;
  const newest = await db
    .selectFrom('annual_reports')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  const publishedOn = status === 'published' ? `${year + 1}-01-20` : null;
  const id = randomUUID();
  await db
    .insertInto('annual_reports')
    .values({
      id,
      agency_id: agencyId,
      year,
      version: Number(newest?.version ?? 0) + 1,
      status,
      origin: 'assembled',
      report_json: JSON.stringify({ ...report, publishedOn }),
      numbers_json: JSON.stringify({ table2: report.table2, table3: report.table3, table4: report.table4 }),
      error_count: 0,
      warning_count: 0,
      published_on: publishedOn,
      correction_reason: null,
      source_file_name: null,
      source_sha256: null,
      created_by: null,
      revision: 1,
      created_at: LATER.at.toISOString(),
      updated_at: LATER.at.toISOString(),
      submitted_by: status === 'draft' ? null : 'someone-else',
      approved_by: null,
      return_reason: null,
    })
    .execute();
  // As publishing does: the agency-year's figures for the regional totals.
  if (status === 'published') await refreshReportFigures(db, agencyId, year);
  return { id, revision: 1 };
}

/**
 * Enters the agency-year's figures work record with the fee charged (default none), so that the
 * drafted section 六 states it instead of leaving the fee placeholder (N-12, an error).
 */
export function recordFeesCharged(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
  yuan = 0,
): Promise<unknown> {
  return db
    .transaction()
    .execute((trx) =>
      createWorkRecord(
        trx,
        agencyId,
        { kind: 'figures', data: { year, inAnnualAssessment: true, processingFeesYuan: yuan } },
        ACTOR,
        LATER,
      ),
    );
}
