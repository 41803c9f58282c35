import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  type ReportVersionChanges,
  updateReportVersion,
} from '../../store/reports/annual-reports.repository.ts';
import { getAnnualReport } from '../../store/reports/read-annual-reports.ts';
import type { StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';

export const REPORT_CONFLICT_MESSAGE = '该年度报告已被他人修改，请刷新后重试';

/** What the audit log keeps of a version: the workflow fields and the numbers (no personal data exists in a report). */
export function auditView(stored: StoredAnnualReport) {
  const { report, ...summary } = stored;
  return {
    ...summary,
    sections: report.sections,
    numbers: { table2: report.table2, table3: report.table3, table4: report.table4 },
  };
}

/** The agency's version to change; NOT_FOUND, or CONFLICT when saved since `expectedRevision`. */
export async function loadForUpdate(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  expectedRevision: number,
): Promise<StoredAnnualReport> {
  const before = await getAnnualReport(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '年度报告不存在');
  if (before.revision !== expectedRevision) throw new AppError('CONFLICT', REPORT_CONFLICT_MESSAGE);
  return before;
}

/**
 * Saves a version if nobody saved it since `before.revision` (CONFLICT otherwise); audits before
 * and after under `action`.
 */
export async function saveVersion(
  trx: StoreTrx,
  before: StoredAnnualReport,
  changes: ReportVersionChanges,
  action: string,
  actor: Actor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const after = await updateReportVersion(trx, before, changes, now.at.toISOString());
  if (!after) throw new AppError('CONFLICT', REPORT_CONFLICT_MESSAGE);
  await appendAudit(trx, {
    agencyId: before.agencyId,
    at: now.at,
    actor,
    entity: 'annual-report',
    entityId: before.id,
    action,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}
