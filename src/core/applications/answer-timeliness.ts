import { workingDaysBetween } from '../calendar/workdays.ts';
import type { IsoDate } from '../dates.ts';
import type { Application } from './application.ts';
import { applicationDeadlines } from './application-deadlines.ts';

/**
 * Whether an application was answered within its deadline — THE definition of 逾期答复, used by
 * the case page, the inbox (its filter) and the year's statistics (按时答复 / 逾期答复).
 *
 * Answered: its closing step is 作出答复 (an `answered` event). A withdrawal or a lapse (逾期未补正,
 * 逾期未缴费) is no reply by the agency and has no timeliness. The deadline is the answer deadline
 * as it stood on the day of the answer (条例第三十三条, with 补正, suspensions, extension or an
 * art. 35 date, DOMAIN.md §C.5); the last day is included, so an answer on it is on time. An
 * answer while the clock was stopped (no due date then) is on time.
 *
 * on-time — answered on or before `dueOn` (null: the clock was stopped);
 * late    — answered after `dueOn`; `workingDaysLate` counts the working days in (dueOn,
 *           answeredOn] (0 when the answer came on a rest day right after the deadline);
 * unknown — the deadline cannot be computed (`reason`: e.g. a year the calendar does not cover).
 */
export const ANSWER_TIMELINESS_STATES = ['on-time', 'late', 'unknown'] as const;

export type AnswerTimeliness =
  | { state: 'on-time'; answeredOn: IsoDate; dueOn: IsoDate | null }
  | { state: 'late'; answeredOn: IsoDate; dueOn: IsoDate; workingDaysLate: number }
  | { state: 'unknown'; answeredOn: IsoDate; reason: string };

/** The timeliness of the answer; null when the application was not (yet) concluded by an answer. */
export function answerTimeliness(
  application: Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn' | 'events'>,
): AnswerTimeliness | null {
  const { events } = application;
  const answer = events.at(-1);
  if (answer?.type !== 'answered') return null;
  const answeredOn = answer.on;
  const deadlines = applicationDeadlines({ ...application, events: events.slice(0, -1) }, answeredOn);
  if (deadlines.result === null) return { state: 'unknown', answeredOn, reason: deadlines.note };
  const dueOn = deadlines.result.answerDue;
  if (dueOn === null || answeredOn <= dueOn) return { state: 'on-time', answeredOn, dueOn };
  return { state: 'late', answeredOn, dueOn, workingDaysLate: workingDaysBetween(dueOn, answeredOn) };
}

/** "按期答复", "逾期答复（超过答复期限3个工作日）", or why it cannot be said. */
export function answerTimelinessLabel(t: AnswerTimeliness): string {
  switch (t.state) {
    case 'on-time':
      return '按期答复';
    case 'late':
      return t.workingDaysLate > 0
        ? `逾期答复（超过答复期限${t.workingDaysLate}个工作日）`
        : '逾期答复（于答复期限届满后的休息日答复）';
    case 'unknown':
      return `无法判断是否按期答复：${t.reason}`;
  }
}

/** The year's replies: answered, of which on time, late, and not assessable. */
export interface AnswerTimelinessCounts {
  answered: number;
  onTime: number;
  late: number;
  unknown: number;
}

/** Counts the answers of `applications` (those not concluded by an answer are left out). */
export function countAnswerTimeliness(
  applications: ReadonlyArray<Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn' | 'events'>>,
): AnswerTimelinessCounts {
  const counts: AnswerTimelinessCounts = { answered: 0, onTime: 0, late: 0, unknown: 0 };
  for (const a of applications) {
    const t = answerTimeliness(a);
    if (t === null) continue;
    counts.answered += 1;
    if (t.state === 'on-time') counts.onTime += 1;
    else if (t.state === 'late') counts.late += 1;
    else counts.unknown += 1;
  }
  return counts;
}

/**
 * 按时答复率 as an annual report's narrative states it: answers on time among the answers whose
 * timeliness is known, in per cent with one decimal ("95.0%"); null when there is none.
 */
export function onTimeRate(c: AnswerTimelinessCounts): string | null {
  const assessed = c.onTime + c.late;
  if (assessed === 0) return null;
  return `${(Math.round((c.onTime * 1000) / assessed) / 10).toFixed(1)}%`;
}
