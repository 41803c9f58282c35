import type { IsoDate } from '../dates.ts';
import type { Application, ApplicationEvent, ApplicationStatus } from './application.ts';
import type { ApplicationDeadlines } from './application-deadlines.ts';

/**
 * What to say about an application's answer deadline, on the application page, in the inbox and to the
 * applicant. "暂停计算" only while the clock is actually stopped (DOMAIN.md §C.2, §C.4, §C.8): a
 * 补正 is awaited (art. 30: the period starts again on the corrected application), or a
 * consultation (arts. 32, 34) or fee notice (109号, configurable suspension) is open. A due date
 * unknown for any other reason (a year the holiday calendar does not cover, a history the rules
 * refuse) is "暂无法计算" with the reason, never "paused".
 *
 * due     — the answer is due on `dueOn` (also for a concluded application);
 * paused  — the clock is stopped for `reason`;
 * unknown — not computable: `reason` says why;
 * none    — concluded while the clock was stopped: there is no due date to show.
 */
export type AnswerDueState =
  | { state: 'due'; dueOn: IsoDate }
  | { state: 'paused'; reason: PauseReason }
  | { state: 'unknown'; reason: string }
  | { state: 'none' };

export const ANSWER_DUE_STATES = ['due', 'paused', 'unknown', 'none'] as const;

/** Why the clock is stopped; 'consultation' when the list row does not say with whom. */
export type PauseReason = 'correction' | 'third-party' | 'agency' | 'consultation' | 'fee';

export const PAUSE_REASON_LABELS: Record<PauseReason, string> = {
  correction: '等待申请人补正',
  'third-party': '征求第三方意见中',
  agency: '征求其他机关意见中',
  consultation: '征求意见中',
  fee: '等待缴纳信息处理费',
};

/** The open suspension in the events: the consultation not yet answered, else the unpaid fee notice. */
function openSuspension(events: readonly ApplicationEvent[]): PauseReason {
  let consultation: 'third-party' | 'agency' | null = null;
  let fee = false;
  for (const e of events) {
    if (e.type === 'consultation-started') consultation = e.party;
    else if (e.type === 'consultation-ended') consultation = null;
    else if (e.type === 'fee-notice') fee = true;
    else if (e.type === 'fee-paid' || e.type === 'fee-lapsed') fee = false;
  }
  return consultation ?? (fee ? 'fee' : 'consultation');
}

/** From the deadlines computed for the case (case page, public tracking). */
export function answerDueState(
  application: Pick<Application, 'status' | 'events'>,
  deadlines: ApplicationDeadlines,
): AnswerDueState {
  const r = deadlines.result;
  if (r === null) return { state: 'unknown', reason: deadlines.note };
  if (r.answerDue !== null) return { state: 'due', dueOn: r.answerDue };
  if (application.status === 'concluded') return { state: 'none' };
  if (r.status === 'awaiting-correction') return { state: 'paused', reason: 'correction' };
  if (r.status === 'suspended') return { state: 'paused', reason: openSuspension(application.events) };
  return { state: 'unknown', reason: '答复期限尚未确定' };
}

const PAUSING_STATUSES: Partial<Record<ApplicationStatus, PauseReason>> = {
  'awaiting-correction': 'correction',
  consulting: 'consultation',
  'awaiting-fee': 'fee',
};

/**
 * From a list row (inbox), which holds the stored due date and status but not the history: a
 * missing due date is a pause when the status is one that stops the clock.
 */
export function answerDueStateOfRow(status: ApplicationStatus, answerDueOn: IsoDate | null): AnswerDueState {
  if (answerDueOn !== null) return { state: 'due', dueOn: answerDueOn };
  if (status === 'concluded') return { state: 'none' };
  const reason = PAUSING_STATUSES[status];
  return reason
    ? { state: 'paused', reason }
    : { state: 'unknown', reason: '答复期限暂无法计算，请打开案卷查看原因' };
}

/**
 * The text shown for the state: the date, "暂停计算（等待申请人补正）", "答复期限暂无法计算：…", or "—".
 * `provisional` (the 暂定 mark of a date counted through a year without a holiday arrangement,
 * issue 15 item 2) is stated after the date: "2027-01-25（暂定：…）".
 */
export function answerDueLabel(s: AnswerDueState, provisional?: { reason: string } | null): string {
  switch (s.state) {
    case 'due':
      return provisional ? `${s.dueOn}（暂定：${provisional.reason}）` : s.dueOn;
    case 'paused':
      return `暂停计算（${PAUSE_REASON_LABELS[s.reason]}）`;
    case 'unknown':
      return `答复期限暂无法计算：${s.reason}`;
    case 'none':
      return '—';
  }
}
