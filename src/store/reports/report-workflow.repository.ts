import type { Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { decideReportStep } from '../../core/report/report-workflow.ts';
import { formatLocation } from '../../core/rules/finding.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { auditView, loadForUpdate, type ReportActor, saveVersion } from './annual-reports.repository.ts';
import { newDraftRow } from './draft-row.ts';
import { getAnnualReport } from './read-annual-reports.ts';
import { findingsOfStoredReport } from './report-findings.ts';
import { rowToAnnualReport, type StoredAnnualReport } from './stored-annual-report.ts';

export type ReportTransition = 'submit' | 'return' | 'approve' | 'publish';

/**
 * Moves a version one step along draft → submitted → approved → published (or back to draft),
 * as the core's decideReportStep allows. Submit validates the report first and is refused while
 * there are errors (INVALID_REPORT listing them). Publish sets the publication date to today (in
 * the report too, so that documents print it and P-01 checks it against the agency's deadline;
 * late publication is allowed and flagged). Audited. Throws NOT_FOUND, CONFLICT, FORBIDDEN,
 * INVALID_INPUT, INVALID_REPORT.
 */
export async function applyReportTransition(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  transition: ReportTransition,
  reason: string | null,
  expectedRevision: number,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const before = await loadForUpdate(trx, agencyId, id, expectedRevision);
  const errors =
    transition === 'submit'
      ? (await findingsOfStoredReport(trx, agencyId, before.report))
          .filter((f) => f.severity === 'error' && f.assessable)
          .map((f) => {
            const where = formatLocation(f.location);
            return `${f.ruleId} ${where ? `${where}：` : ''}${f.message}`;
          })
      : [];
  const status = decideReportStep({
    action: transition,
    status: before.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: before.submittedBy,
    errors,
    reason,
  });
  switch (transition) {
    case 'submit':
      return saveVersion(
        trx,
        before,
        { report: before.report, status, submitted_by: actor.userId, return_reason: null },
        'submit',
        actor,
        now,
      );
    case 'return':
      return saveVersion(
        trx,
        before,
        { report: before.report, status, approved_by: null, return_reason: reason?.trim() ?? null },
        'return',
        actor,
        now,
      );
    case 'approve':
      return saveVersion(
        trx,
        before,
        { report: before.report, status, approved_by: actor.userId },
        'approve',
        actor,
        now,
      );
    case 'publish':
      return saveVersion(
        trx,
        before,
        { report: { ...before.report, publishedOn: now.today }, status, published_on: now.today },
        'publish',
        actor,
        now,
      );
  }
}

/**
 * Corrects a published report: a new version (the next number), a copy of the published one as a
 * draft, with the reason; the published version stays as it is and stays readable. Throws
 * NOT_FOUND, CONFLICT (not published, not the newest version, or a correction at the same time),
 * FORBIDDEN, INVALID_INPUT (no reason).
 */
export async function correctReport(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  reason: string,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const published = await getAnnualReport(trx, agencyId, id);
  if (!published) throw new AppError('NOT_FOUND', '年度报告不存在');
  const newest = await trx
    .selectFrom('annual_reports')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('agency_id', '=', agencyId)
    .where('year', '=', published.year)
    .executeTakeFirstOrThrow();
  const newestVersion = Number(newest.version);
  decideReportStep({
    action: 'correct',
    status: published.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: published.submittedBy,
    reason,
    isNewestVersion: newestVersion === published.version,
  });
  const report = { ...published.report, publishedOn: null };
  const at = now.at.toISOString();
  const row = await newDraftRow(trx, {
    agencyId,
    year: published.year,
    version: newestVersion + 1,
    origin: published.origin,
    report,
    correctionReason: reason.trim(),
    createdBy: actor.userId,
    at,
  });

  try {
    await trx.insertInto('annual_reports').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', '该年度报告正在被他人更正，请刷新后重试');
    throw error;
  }
  const created = rowToAnnualReport(row);
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'annual-report',
    entityId: row.id,
    action: 'correct',
    before: { correctedVersionId: published.id, version: published.version },
    after: auditView(created),
  });
  return created;
}
