import { deadlineOfApplication } from '../../core/applications/deadline-of-application.ts';
import { HOLIDAY_SCHEDULES, type HolidaySchedule } from '../../core/calendar/holidays.ts';
import {
  holidayScheduleSchema,
  validateHolidaySchedule,
} from '../../core/calendar/validate-holiday-schedule.ts';
import { activateHolidaySchedules } from '../../core/calendar/workdays.ts';
import type { DeadlineResult } from '../../core/deadlines/deadline-result.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { listOpenApplications, saveRecomputedAnswerDue } from '../../store/applications/open-applications.ts';
import { toCoreApplication } from '../../store/applications/stored-application.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import {
  insertHolidayArrangement,
  listHolidayArrangements,
} from '../../store/calendar/holiday-arrangements.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { refreshDisclosureDueDays } from '../../store/disclosures/refresh-due-days.ts';
import { scheduleOf, unionOfSchedules } from './load-holiday-calendar.ts';

export interface SavedHolidayArrangement {
  year: number;
  /** Open applications whose deadlines depended on the year (or whose due day changed). */
  recomputed: number;
  /** Register items whose art. 26 due day changed. */
  disclosuresChanged: number;
}

function parseSchedule(input: unknown): HolidaySchedule {
  const parsed = holidayScheduleSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}：` : '';
  throw new AppError('INVALID_INPUT', `节假日安排无效：${where}${issue?.message ?? ''}`, parsed.error.issues);
}

function deadlinesOrNull(
  application: Parameters<typeof deadlineOfApplication>[0],
  today: string,
): DeadlineResult | null {
  try {
    return deadlineOfApplication(application, today);
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}

/**
 * Stores an administrator's holiday arrangement for a year and makes it the calendar of this
 * process at once (issue 15). Refuses a year already stored (CALENDAR_YEAR_EXISTS), ranges that
 * overlap or a make-up day inside a rest range (CALENDAR_RANGES_INVALID), a malformed schedule
 * (INVALID_INPUT). Then every open application whose deadlines depended on that year is
 * recomputed: its stored answer due day updated and an audit entry “依据20XX年节假日安排重新计算”
 * (old → new) appended; the register's art. 26 due days are refreshed. Audits the arrangement.
 * The caller commits, and must call activateStoredCalendar again if the transaction fails.
 */
export async function saveHolidayArrangement(
  trx: StoreTrx,
  input: unknown,
  actor: Actor,
  now: Moment,
): Promise<SavedHolidayArrangement> {
  const schedule = parseSchedule(input);
  const stored = await listHolidayArrangements(trx);
  const existing = stored.find((s) => s.year === schedule.year);
  if (existing || HOLIDAY_SCHEDULES.some((s) => s.year === schedule.year)) {
    throw new AppError(
      'CALENDAR_YEAR_EXISTS',
      `${schedule.year}年的节假日安排已经录入${existing?.documentNumber ? `（${existing.documentNumber}）` : ''}，不能重复录入`,
      { year: schedule.year },
    );
  }
  const before = unionOfSchedules(stored.map(scheduleOf));
  validateHolidaySchedule(schedule, before);
  const at = now.at.toISOString();
  await insertHolidayArrangement(trx, schedule, actor.userId, at);
  await appendAudit(trx, {
    agencyId: null,
    at: now.at,
    actor,
    entity: 'holiday-arrangement',
    entityId: String(schedule.year),
    action: 'calendar.entered',
    before: null,
    after: schedule,
  });

  // The deadlines as they stood: counted with the stored years (whatever this process had active).
  activateHolidaySchedules(before);
  const open = (await listOpenApplications(trx)).map((a) => ({
    stored: a,
    old: deadlinesOrNull(toCoreApplication(a), now.today),
  }));
  activateHolidaySchedules([...before, schedule]);
  const reason = `依据${schedule.year}年节假日安排重新计算`;
  let recomputed = 0;
  for (const { stored: a, old } of open) {
    const next = deadlinesOrNull(toCoreApplication(a), now.today);
    const oldDue = old?.answerDue ?? null;
    const newDue = next?.answerDue ?? null;
    const depended = old?.provisional?.years.includes(schedule.year) ?? false;
    if (!depended && oldDue === newDue) continue;
    recomputed += 1;
    if (newDue !== a.answerDueOn) {
      if (!(await saveRecomputedAnswerDue(trx, a.id, a.version, newDue, at))) {
        throw new AppError('CONFLICT', '有申请在重新计算期限时被他人修改，请重试');
      }
    }
    await appendAudit(trx, {
      agencyId: a.agencyId,
      at: now.at,
      actor,
      entity: 'application',
      entityId: a.id,
      action: 'deadline.recomputed',
      before: { status: a.status, answerDueOn: oldDue, provisional: old?.provisional ?? null },
      after: { status: a.status, answerDueOn: newDue, provisional: next?.provisional ?? null, reason },
    });
  }
  const disclosuresChanged = await refreshDisclosureDueDays(trx, schedule.year, now.today);
  return { year: schedule.year, recomputed, disclosuresChanged };
}
