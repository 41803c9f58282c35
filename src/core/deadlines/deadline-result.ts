import type { ProvisionalMark } from '../calendar/provisional-mark.ts';
import type { IsoDate } from '../dates.ts';

/**
 * running             — answerDue is known and (if `today` was given) not passed.
 * overdue             — `today` is after answerDue.
 * suspended           — a consultation (or, if configured, a fee notice) is open and the period
 *                       had not run out when it began: answerDue is unknown until it closes.
 * awaiting-correction — a 补正 notice is pending: the period starts again when the corrected
 *                       application arrives (art. 30), so answerDue is unknown.
 */
export type DeadlineStatus = 'running' | 'overdue' | 'suspended' | 'awaiting-correction';

export interface DeadlineStep {
  label: string;
  date: IsoDate;
  explanation: string;
  article: string;
}

/** Reply due date of one consultation: 15 working days after the consulted party got the letter. */
export interface ConsultationReplyDue {
  party: 'third-party' | 'agency';
  name?: string;
  letterReceivedOn: IsoDate;
  due: IsoDate;
  replyReceivedOn: IsoDate | null;
  article: string;
}

export interface DeadlineResult {
  receivedOn: IsoDate;
  /** The day after which the answer period runs: receipt or the last correction; null while awaiting one. */
  clockStartsOn: IsoDate | null;
  answerDue: IsoDate | null;
  status: DeadlineStatus;
  /** 20, plus extension days; null under an art. 35 explicit deadline. */
  workingDaysAllowed: number | null;
  /**
   * Working days of the period used: up to `today` (capped at the due date) or, when suspended
   * without `today`, up to the start of the open suspension. null when neither applies.
   */
  workingDaysUsed: number | null;
  /** Chronological; each step says how its date was obtained and on which article it rests. */
  steps: DeadlineStep[];
  /** Last day for the 补正 notice: receipt + 7 working days (art. 30). */
  correctionNoticeDue: IsoDate;
  /** One entry per consultation, in input order (arts. 32, 34). */
  thirdPartyReplyDue: ConsultationReplyDue[];
  /** Notice received + 20 working days (109号); null without a fee notice. */
  feePaymentDue: IsoDate | null;
  /** Chinese remarks on irregularities that do not prevent the computation (late 补正 notice …). */
  warnings: string[];
  /**
   * 暂定 (issue 15): the years without an entered holiday arrangement between the receipt and the
   * latest computed due date, with the reason to show; null when every date is exact. One mark for
   * the whole result: the due dates are counted along the same days.
   */
  provisional: ProvisionalMark | null;
}
