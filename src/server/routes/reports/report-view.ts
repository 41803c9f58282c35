import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import type { Agency } from '../../../core/organisation/agency.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import type { ReportActor } from '../../../store/reports/annual-reports.repository.ts';
import { getAnnualReport, listAnnualReports } from '../../../store/reports/read-annual-reports.ts';
import { findingsOfStoredReport } from '../../../store/reports/report-findings.ts';
import type { StoredAnnualReport } from '../../../store/reports/stored-annual-report.ts';
import { type AuthUser, actorOf } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { allowedActions, presentReport } from '../../presenters/annual-report.presenter.ts';

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

/**
 * A version as the API shows it: with live findings, the caller's allowed steps and the audit
 * trail. `handles`: whether the caller may handle the agency's reports, as decided for the request
 * (AgencyGrant.handles).
 */
export async function reportView(
  app: FastifyInstance,
  stored: StoredAnnualReport,
  agency: Agency,
  user: AuthUser,
  handles: boolean,
) {
  const findings = await findingsOfStoredReport(app.db, agency.id, stored.report);
  const versions = await listAnnualReports(app.db, agency.id, stored.year);
  const newest = versions[0]?.id === stored.id;
  const actions = allowedActions(stored, user, newest, handles);
  const trail = await listAuditEntries(app.db, 'annual-report', stored.id);
  return presentReport(stored, agency, findings, actions, trail, currentMoment(app).today);
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
