import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { decideReportStep } from '../../core/report/report-workflow.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  highestVersionNumber,
  insertDraftVersion,
  type ReportActor,
} from '../../store/reports/annual-reports.repository.ts';
import { getAnnualReport } from '../../store/reports/read-annual-reports.ts';
import type { StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';
import { auditView } from './report-version.ts';

/**
 * Corrects a published report: a new version (the next number), a copy of the published one as a
 * draft, with the reason; the published version stays as it is and stays readable. Throws
 * NOT_FOUND, CONFLICT (not published, not the newest version, or a correction at the same time),
 * FORBIDDEN, INVALID_INPUT (no reason).
 */
export async function correctReport(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  reason: string,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const published = await getAnnualReport(trx, agencyId, id);
  if (!published) throw new AppError('NOT_FOUND', '年度报告不存在');
  const newestVersion = await highestVersionNumber(trx, agencyId, published.year);
  decideReportStep({
    action: 'correct',
    status: published.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: published.submittedBy,
    reason,
    isNewestVersion: newestVersion === published.version,
  });
  const created = await insertDraftVersion(trx, {
    agencyId,
    year: published.year,
    version: newestVersion + 1,
    origin: published.origin,
    report: { ...published.report, publishedOn: null },
    correctionReason: reason.trim(),
    createdBy: actor.userId,
    at: now.at.toISOString(),
  });
  if (!created) throw new AppError('CONFLICT', '该年度报告正在被他人更正，请刷新后重试');
  await appendAudit(trx, {
    agencyId: agencyId,
    at: now.at,
    actor,
    entity: 'annual-report',
    entityId: created.id,
    action: 'correct',
    before: { correctedVersionId: published.id, version: published.version },
    after: auditView(created),
  });
  return created;
}
