import { addWorkingDays, provisionalMarkBetween, workingDaysBetween } from '../calendar/workdays.ts';
import { formatDateZh, type IsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';
import {
  type DeadlineInputData,
  type DeadlineOptions,
  parseDeadlineInput,
  parseDeadlineOptions,
} from './deadline-input.ts';
import type { DeadlineResult, DeadlineStep } from './deadline-result.ts';
import { CHANNEL_LABELS, readTimeline, type Timeline } from './read-timeline.ts';
import { sideDeadlines } from './side-deadlines.ts';
import { countedWorkingDays, earlierDate, mergeSuspensions, nthCountedWorkingDay } from './suspension.ts';

const zh = (d: IsoDate) => formatDateZh(d, false);

/** Answer period of art. 33 ¶2, in working days. */
const ANSWER_DAYS = 20;

const RECEIPT_RULES: Record<Timeline['channel'], { explanation: string; article: string }> = {
  'in-person': {
    explanation: '申请人当面提交的，以提交之日为收到申请之日',
    article: '条例第三十一条第（一）项',
  },
  'mail-registered': {
    explanation: '以需要签收的邮寄方式提交的，以签收之日为收到申请之日',
    article: '条例第三十一条第（二）项',
  },
  'mail-ordinary': {
    explanation: '以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日',
    article: '条例第三十一条第（二）项',
  },
  online: {
    explanation: '通过互联网渠道提交的，以双方确认之日为收到申请之日',
    article: '条例第三十一条第（三）项',
  },
  fax: {
    explanation: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日',
    article: '条例第三十一条第（三）项',
  },
  email: {
    explanation: '通过电子邮件提交的，按互联网渠道处理，以双方确认之日为收到申请之日',
    article: '条例第三十一条第（三）项',
  },
};

/** Every date the caller recorded as having happened (art. 35's due date is a plan, not a fact). */
function recordedDates(t: Timeline): IsoDate[] {
  const dates = [t.receivedOn];
  for (const c of t.corrections) dates.push(c.requestedOn, ...(c.receivedOn ? [c.receivedOn] : []));
  for (const c of t.consultations)
    dates.push(c.startedOn, c.letterReceivedOn, ...(c.replyReceivedOn ? [c.replyReceivedOn] : []));
  if (t.fee) dates.push(t.fee.noticeOn, t.fee.noticeReceivedOn, ...(t.fee.paidOn ? [t.fee.paidOn] : []));
  if (t.extension) dates.push(t.extension.approvedOn, t.extension.noticeOn);
  if (t.art35) dates.push(t.art35.decidedOn, ...(t.art35.noticeOn ? [t.art35.noticeOn] : []));
  return dates;
}

function correctionSteps(
  t: Timeline,
  correctionNoticeDue: IsoDate,
  steps: DeadlineStep[],
  warnings: string[],
): void {
  t.corrections.forEach((c, i) => {
    const round = i === 0 ? '' : '（第二轮）';
    const limit = i === 0 ? correctionNoticeDue : addWorkingDays(t.corrections[i - 1]!.receivedOn!, 7);
    if (c.requestedOn > limit) {
      warnings.push(`补正通知${round}于${zh(c.requestedOn)}发出，晚于条例第三十条规定的期限${zh(limit)}`);
    }
    steps.push({
      label: `发出补正通知${round}`,
      date: c.requestedOn,
      explanation: '一次性告知申请人需要补正的事项和合理的补正期限；答复期限自收到补正后的申请之日起重新计算',
      article: '条例第三十条',
    });
    if (c.receivedOn !== null) {
      steps.push({
        label: `收到补正后的申请${round}`,
        date: c.receivedOn,
        explanation: '答复期限自该日的次日起重新起算',
        article: '条例第三十条',
      });
    }
  });
}

/**
 * Computes every due date of one application (DOMAIN.md §C, §D): receipt per art. 31, the
 * 20-working-day answer period of art. 33 restarted by 补正 (art. 30), suspended by consultations
 * (art. 33 ¶3) and optionally by a fee notice (109号), extended once by 1–20 working days, or
 * replaced by an explicit art. 35 date. Validates shape and event order; throws
 * AppError('INVALID_INPUT') in Chinese, and CALENDAR_UNKNOWN when a date leaves 2000–2100. Dates
 * counted through a year without an entered arrangement are provisional (`result.provisional`).
 * `options.today` is only used for the status and the working days used so far.
 */
export function computeDeadlines(data: DeadlineInputData, options: DeadlineOptions = {}): DeadlineResult {
  const { today, feeNoticeSuspends } = parseDeadlineOptions(options);
  const t = readTimeline(parseDeadlineInput(data));
  if (today !== undefined) {
    const future = recordedDates(t).find((d) => d > today);
    if (future) throw new AppError('INVALID_INPUT', `记录的日期${future}晚于今天（${today}）`);
  }
  const warnings: string[] = [];
  const receipt = RECEIPT_RULES[t.channel];
  const steps: DeadlineStep[] = [
    {
      label: '收到申请',
      date: t.receivedOn,
      explanation: `${CHANNEL_LABELS[t.channel]}：${receipt.explanation}`,
      article: receipt.article,
    },
  ];
  if (t.channel === 'mail-ordinary' && t.receivedOn > t.submittedOn) {
    warnings.push(`平信于${zh(t.submittedOn)}到达，条例第三十一条要求当日与申请人确认`);
  }
  const correctionNoticeDue = addWorkingDays(t.receivedOn, 7);
  steps.push({
    label: '补正通知期限',
    date: correctionNoticeDue,
    explanation: '申请内容不明确的，应自收到申请之日的次日起算第7个工作日内一次性告知申请人补正',
    article: '条例第三十条',
  });
  correctionSteps(t, correctionNoticeDue, steps, warnings);
  const side = sideDeadlines(t, feeNoticeSuspends, today);
  steps.push(...side.steps);
  warnings.push(...side.warnings);

  const result: DeadlineResult = {
    receivedOn: t.receivedOn,
    clockStartsOn: null,
    answerDue: null,
    status: 'awaiting-correction',
    workingDaysAllowed: ANSWER_DAYS + (t.extension?.days ?? 0),
    workingDaysUsed: 0,
    steps,
    correctionNoticeDue,
    thirdPartyReplyDue: side.replyDues,
    feePaymentDue: side.feePaymentDue,
    warnings,
    provisional: null,
  };
  const lastCorrection = t.corrections.at(-1);
  if (lastCorrection && lastCorrection.receivedOn === null) return finish(result);

  const start = lastCorrection?.receivedOn ?? t.receivedOn;
  const from = lastCorrection ? '收到补正后的申请之日' : '收到申请之日';
  result.clockStartsOn = start;
  const suspensions = mergeSuspensions(side.suspensions);
  const dueStep = (label: string, days: number, due: IsoDate, article: string): DeadlineStep => {
    const skipped = workingDaysBetween(start, due) - days;
    const note = skipped > 0 ? `，其间征求意见等中止计算的${skipped}个工作日不计算在内` : '';
    return {
      label,
      date: due,
      explanation: `自${from}（${zh(start)}）的次日起算第${days}个工作日${note}`,
      article,
    };
  };

  const base = nthCountedWorkingDay(start, ANSWER_DAYS, suspensions);
  let current = base;
  if (base.due !== null) {
    steps.push(
      dueStep(t.extension ? '原答复期限' : '答复期限', ANSWER_DAYS, base.due, '条例第三十三条第二款'),
    );
  }
  if (t.extension) {
    const e = t.extension;
    if (base.due !== null && (e.approvedOn > base.due || e.noticeOn > base.due)) {
      throw new AppError(
        'INVALID_INPUT',
        `延长答复期限须在原答复期限${base.due}届满前经批准并告知申请人（批准${e.approvedOn}，告知${e.noticeOn}）`,
      );
    }
    steps.push({
      label: '批准延长答复期限',
      date: e.approvedOn,
      explanation: `经政府信息公开工作机构负责人${e.approver ? `（${e.approver}）` : ''}同意延长${e.days}个工作日，于${zh(e.noticeOn)}告知申请人`,
      article: '条例第三十三条第二款',
    });
    current = nthCountedWorkingDay(start, ANSWER_DAYS + e.days, suspensions);
    if (current.due !== null) {
      steps.push(dueStep('延长后的答复期限', ANSWER_DAYS + e.days, current.due, '条例第三十三条第二款'));
    }
  }
  if (t.art35) {
    const a = t.art35;
    if (current.due !== null && a.decidedOn > current.due) {
      throw new AppError(
        'INVALID_INPUT',
        `延迟答复期限应在答复期限${current.due}届满前确定（决定日期${a.decidedOn}）`,
      );
    }
    steps.push({
      label: '延迟答复期限',
      date: a.dueOn,
      explanation: `申请数量、频次明显超过合理范围，于${zh(a.decidedOn)}确定延迟答复期限${a.noticeOn ? `并于${zh(a.noticeOn)}告知申请人` : ''}`,
      article: '条例第三十五条',
    });
    result.answerDue = a.dueOn;
    result.workingDaysAllowed = null;
    result.workingDaysUsed = null;
    result.status = today !== undefined && today > a.dueOn ? 'overdue' : 'running';
    // The art. 35 date is fixed by the agency, not counted: it does not make the result 暂定.
    return finish(result, current.due);
  }
  for (const s of side.suspensions) {
    if (current.due !== null && s.from >= current.due) {
      warnings.push(`${zh(s.from)}开始的中止事项在答复期限${zh(current.due)}届满当日或之后，不影响答复期限`);
    }
  }
  if (current.due === null) {
    result.status = 'suspended';
    // Recorded dates are never after today, so the open suspension began on or before today.
    result.workingDaysUsed = countedWorkingDays(start, current.suspendedSince, suspensions);
    return finish(result);
  }
  result.answerDue = current.due;
  result.status = today !== undefined && today > current.due ? 'overdue' : 'running';
  result.workingDaysUsed =
    today === undefined ? null : countedWorkingDays(start, earlierDate(today, current.due), suspensions);
  return finish(result);
}

/** Sorts the steps and marks the result 暂定 when a counted date runs through a year without arrangement. */
function finish(result: DeadlineResult, countedAnswerDue: IsoDate | null = result.answerDue): DeadlineResult {
  // Stable sort: steps of the same day keep their logical order.
  result.steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counted = [
    result.correctionNoticeDue,
    countedAnswerDue,
    result.feePaymentDue,
    ...result.thirdPartyReplyDue.map((c) => c.due),
  ].filter((d): d is IsoDate => d !== null);
  const latest = [result.receivedOn, ...counted].sort().at(-1)!;
  result.provisional = provisionalMarkBetween(result.receivedOn, latest);
  return result;
}
