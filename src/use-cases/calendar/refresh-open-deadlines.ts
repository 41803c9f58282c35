import { deadlineOfApplication } from '../../core/applications/deadline-of-application.ts';
import { isAppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { listOpenApplications, saveRecomputedAnswerDue } from '../../store/applications/open-applications.ts';
import { toCoreApplication } from '../../store/applications/stored-application.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';

/** Who the server names in the audit trail when it corrects stored due days by itself. */
export const CALENDAR_REFRESH_ACTOR: Actor = { userId: null, label: '系统（节假日安排）' };

/**
 * Brings the stored answer due day of every open application in line with the active calendar:
 * those stored before issue 15 without a date (a year the calendar then refused) get their 暂定
 * date, so that the inbox and the overdue counts see them. Each change is audited (old → new,
 * “依据当前节假日安排重新计算”); an application saved meanwhile by someone else is left alone.
 * Returns how many changed. Called at server start, after activateStoredCalendar.
 */
export async function refreshOpenDeadlines(trx: StoreTrx, now: Moment): Promise<number> {
  let changed = 0;
  for (const a of await listOpenApplications(trx)) {
    let due: string | null;
    try {
      due = deadlineOfApplication(toCoreApplication(a), now.today).answerDue;
    } catch (error) {
      if (isAppError(error)) continue;
      throw error;
    }
    if (due === a.answerDueOn) continue;
    if (!(await saveRecomputedAnswerDue(trx, a.id, a.version, due, now.at.toISOString()))) continue;
    await appendAudit(trx, {
      agencyId: a.agencyId,
      at: now.at,
      actor: CALENDAR_REFRESH_ACTOR,
      entity: 'application',
      entityId: a.id,
      action: 'deadline.recomputed',
      before: { status: a.status, answerDueOn: a.answerDueOn },
      after: { status: a.status, answerDueOn: due, reason: '依据当前节假日安排重新计算' },
    });
    changed += 1;
  }
  return changed;
}
