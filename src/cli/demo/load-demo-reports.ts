import { yearOf } from '../../core/dates.ts';
import { momentOf } from '../../core/moment.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { newestReportVersion, type ReportActor } from '../../store/reports/annual-reports.repository.ts';
import { findUserByUsername } from '../../store/users/users.repository.ts';
import { applyReportTransition } from '../../use-cases/reports/apply-report-transition.ts';
import { assembleAnnualReport } from '../../use-cases/reports/assemble-annual-report.ts';

/**
 * The demo agencies whose report of the last complete year is published (the others have not
 * published: the region overview shows them as 未发布), with who drafts and who approves it and the
 * section 五 the officer wrote.
 */
export const DEMO_PUBLISHED_REPORTS: ReadonlyArray<{
  agency: string;
  officer: string;
  reviewer: string;
  problems: string;
}> = [
  {
    agency: 'data',
    officer: 'shuju.jingban',
    reviewer: 'shuju.shenhe',
    problems:
      '一是政策解读形式较为单一，图解、视频等形式运用不多；二是依申请公开答复文书的规范化水平有待提高。下一步，本局将丰富解读形式，加强业务培训，严格执行答复文书范本。',
  },
  {
    agency: 'industry',
    officer: 'gongxin.jingban',
    reviewer: 'gongxin.shenhe',
    problems:
      '一是主动公开信息更新还不够及时；二是工作人员业务能力有待提升。下一步，本局将建立信息发布台账，按季度开展自查，组织经办人员参加全市政务公开业务培训。',
  },
];

/** Days of January of the next year on which the demo drafts (8th), submits, approves and publishes (20th). */
const STEPS: ReadonlyArray<{ day: number; step: 'assemble' | 'submit' | 'approve' | 'publish' }> = [
  { day: 8, step: 'assemble' },
  { day: 12, step: 'submit' },
  { day: 15, step: 'approve' },
  { day: 20, step: 'publish' },
];

/** 10:00 Beijing time of a January day of `year`. */
function januaryAt(year: number, day: number): Date {
  return new Date(`${year}-01-${String(day).padStart(2, '0')}T10:00:00+08:00`);
}

async function reportActor(db: StoreDb, username: string): Promise<ReportActor | null> {
  const user = await findUserByUsername(db, username);
  return user ? { userId: user.id, label: user.displayName, role: user.role } : null;
}

/**
 * Publishes, through the same use-cases an office uses (assemble → submit → approve → publish,
 * each audited), the report of the last complete year before `now` for the agencies of
 * DEMO_PUBLISHED_REPORTS, assembled from the demo records of that year. Published on 20 January,
 * within the statutory 31 January; a demo loaded before that day has no published report yet (the
 * year's reports are still being made). An agency-year that already has a report is left alone.
 */
export async function loadDemoReports(
  db: StoreDb,
  agencyIds: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  const year = yearOf(momentOf(now).today) - 1;
  if (now < januaryAt(year + 1, STEPS[STEPS.length - 1]!.day)) return;
  for (const demo of DEMO_PUBLISHED_REPORTS) {
    const agencyId = agencyIds.get(demo.agency);
    const officer = await reportActor(db, demo.officer);
    const reviewer = await reportActor(db, demo.reviewer);
    if (!agencyId || !officer || !reviewer) continue;
    if (await newestReportVersion(db, agencyId, year)) continue;
    await db.transaction().execute(async (trx) => {
      let report = await assembleAnnualReport(
        trx,
        { agencyId, year, sections: { problems: demo.problems } },
        officer,
        momentOf(januaryAt(year + 1, STEPS[0]!.day)),
      );
      for (const { day, step } of STEPS.slice(1)) {
        report = await applyReportTransition(
          trx,
          agencyId,
          report.id,
          step as 'submit' | 'approve' | 'publish',
          null,
          report.revision,
          step === 'submit' ? officer : reviewer,
          momentOf(januaryAt(year + 1, day)),
        );
      }
    });
  }
}
