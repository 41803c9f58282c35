import type { FastifyInstance } from 'fastify';
import { AppError, isAppError } from '../../../core/errors.ts';
import type { Agency } from '../../../core/organisation/agency.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import type { ReportActor } from '../../../store/reports/annual-reports.repository.ts';
import { getAnnualReport, listAnnualReports } from '../../../store/reports/read-annual-reports.ts';
import { findingsOfStoredReport } from '../../../store/reports/report-findings.ts';
import type { StoredAnnualReport } from '../../../store/reports/stored-annual-report.ts';
import { authorizeAgency } from '../../plugins/agency-access.ts';
import { type AuthUser, actorOf } from '../../plugins/auth.ts';
import { allowedActions, presentReport } from '../../presenters/annual-report.presenter.ts';

/**
 * Who may do what with an agency's annual reports: officers and reviewers of the agency write
 * (assemble, edit, workflow steps as the core's decideReportStep allows per role); supervisors read
 * the reports of agencies in their region and below; admins read every agency's. Reading includes
 * the documents: a report holds no personal data.
 */
export async function authorizeReports(
  app: FastifyInstance,
  user: AuthUser,
  agencyId: string,
  write: boolean,
): Promise<Agency> {
  try {
    return await authorizeAgency(app.db, user, agencyId, write ? 'handle' : 'read');
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') {
      throw new AppError(
        'FORBIDDEN',
        write ? '无权编辑该机关的年度报告：只有本机关的经办人和审核人可以' : '无权查看该机关的年度报告',
      );
    }
    throw error;
  }
}

export function reportActor(user: AuthUser): ReportActor {
  return { ...actorOf(user), role: user.role };
}

/** "中卫市数据局2025年政府信息公开工作年度报告（第2版）.docx" */
export function reportFileName(stored: StoredAnnualReport, agency: Agency, extension: string): string {
  const version = stored.version > 1 ? `（第${stored.version}版）` : '';
  return `${agency.name}${stored.year}年政府信息公开工作年度报告${version}${extension}`.replace(
    /[\\/:*?"<>|\p{Cc}]/gu,
    '_',
  );
}

/** A version as the API shows it: with live findings, the caller's allowed steps and the audit trail. */
export async function reportView(
  app: FastifyInstance,
  stored: StoredAnnualReport,
  agency: Agency,
  user: AuthUser,
) {
  const findings = await findingsOfStoredReport(app.db, agency.id, stored.report);
  const versions = await listAnnualReports(app.db, agency.id, stored.year);
  const newest = versions[0]?.id === stored.id;
  const actions = allowedActions(stored, user, newest);
  const trail = await listAuditEntries(app.db, 'annual-report', stored.id);
  return presentReport(stored, agency, findings, actions, trail);
}

/** The agency's report version, or NOT_FOUND. */
export async function loadReport(
  app: FastifyInstance,
  agencyId: string,
  id: string,
): Promise<StoredAnnualReport> {
  const stored = await getAnnualReport(app.db, agencyId, id);
  if (!stored) throw new AppError('NOT_FOUND', '年度报告不存在');
  return stored;
}
