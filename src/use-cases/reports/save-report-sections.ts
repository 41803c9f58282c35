import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { decideReportStep } from '../../core/report/report-workflow.ts';
import type { Report } from '../../core/report/schema.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { ReportActor } from '../../store/reports/annual-reports.repository.ts';
import type { StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';
import { checkSections, type ReportSections } from './report-input.ts';
import { loadForUpdate, saveVersion } from './report-version.ts';

/**
 * Saves the officer's text of sections 一、五、六 (those given) on a draft. Throws NOT_FOUND,
 * CONFLICT (stale revision, or not a draft: a published report is locked), FORBIDDEN (role),
 * INVALID_INPUT (none given, or too long).
 */
export async function saveReportSections(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  sections: Partial<ReportSections>,
  expectedRevision: number,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  checkSections(sections);
  if (Object.values(sections).every((v) => v === undefined))
    throw new AppError('INVALID_INPUT', '没有要修改的内容：请提供第一、五、六部分中至少一部分的正文');
  const before = await loadForUpdate(trx, agencyId, id, expectedRevision);
  decideReportStep({
    action: 'edit',
    status: before.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: before.submittedBy,
  });
  const defined = Object.fromEntries(Object.entries(sections).filter(([, v]) => v !== undefined));
  const report: Report = { ...before.report, sections: { ...before.report.sections, ...defined } };
  return saveVersion(trx, before, { report }, 'edit-sections', actor, now);
}
