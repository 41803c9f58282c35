import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { assertMayAssemble } from '../../core/report/report-workflow.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  insertDraftVersion,
  newestReportVersion,
  type ReportActor,
} from '../../store/reports/annual-reports.repository.ts';
import { agencyFacts } from '../../store/reports/report-findings.ts';
import type { StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';
import { draftAnnualReport } from './draft-annual-report.ts';
import { checkSections, checkYear, type ReportSections } from './report-input.ts';
import { auditView } from './report-version.ts';

export interface AssembleReportInput {
  agencyId: string;
  year: number;
  /** Sections the officer already has; 一 and 六 are drafted from the numbers and work records when absent, 五 empty. */
  sections?: Partial<ReportSections>;
}

/**
 * Creates version 1 of an agency-year's report as a draft: tables 二/三/四 counted from the
 * records by the database, section 一 drafted from them (the officer edits it). Audited. Throws
 * FORBIDDEN (not an officer or reviewer), NOT_FOUND (agency), INVALID_INPUT (year outside
 * 2021…this year, sections too long), CONFLICT (the agency-year already has a report: edit the
 * draft, or correct the published version).
 */
export async function assembleAnnualReport(
  trx: StoreTrx,
  input: AssembleReportInput,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  assertMayAssemble(actor.role);
  checkYear(input.year, now.today);
  checkSections(input.sections ?? {});
  const agency = await agencyFacts(trx, input.agencyId);
  const existing = await newestReportVersion(trx, input.agencyId, input.year);
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `${agency.name}${input.year}年度报告已存在（第${existing.version}版），请修改现有草稿，或对已发布的版本进行更正`,
    );
  }
  const report = await draftAnnualReport(trx, input.agencyId, agency, input.year, input.sections ?? {});
  const stored = await insertDraftVersion(trx, {
    agencyId: input.agencyId,
    year: input.year,
    version: 1,
    origin: 'assembled',
    report,
    correctionReason: null,
    createdBy: actor.userId,
    at: now.at.toISOString(),
  });
  // Two assemblies at once: the unique (agency, year, version) lets one through.
  if (!stored) throw new AppError('CONFLICT', `${agency.name}${input.year}年度报告已存在，请刷新后重试`);
  await appendAudit(trx, {
    agencyId: input.agencyId,
    at: now.at,
    actor,
    entity: 'annual-report',
    entityId: stored.id,
    action: 'assemble',
    before: null,
    after: auditView(stored),
  });
  return stored;
}
