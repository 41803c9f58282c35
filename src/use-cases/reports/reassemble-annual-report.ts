import type { Moment } from '../../core/moment.ts';
import { decideReportStep } from '../../core/report/report-workflow.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { ReportActor } from '../../store/reports/annual-reports.repository.ts';
import { countReportNumbers } from '../../store/reports/count-report-numbers.ts';
import type { StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';
import { loadForUpdate, saveVersion } from './report-version.ts';

/**
 * Counts the draft's tables again from the records (they may have changed since assembly); the
 * sections are kept as the officer wrote them, so the narrative rules will point at any number
 * the text still states from before. Same errors as saveReportSections.
 */
export async function reassembleReport(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  expectedRevision: number,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const before = await loadForUpdate(trx, agencyId, id, expectedRevision);
  decideReportStep({
    action: 'reassemble',
    status: before.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: before.submittedBy,
  });
  const numbers = await countReportNumbers(trx, agencyId, before.year);
  return saveVersion(trx, before, { report: { ...before.report, ...numbers } }, 'reassemble', actor, now);
}
