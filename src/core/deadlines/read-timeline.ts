import type { IsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';
import type { Channel, DeadlineEvent, DeadlineInput } from './deadline-input.ts';

export interface Correction {
  requestedOn: IsoDate;
  /** null while the applicant has not answered: the answer period has not started again. */
  receivedOn: IsoDate | null;
}

export interface Consultation {
  party: 'third-party' | 'agency';
  name?: string;
  startedOn: IsoDate;
  letterReceivedOn: IsoDate;
  replyReceivedOn: IsoDate | null;
}

export interface FeeNotice {
  noticeOn: IsoDate;
  noticeReceivedOn: IsoDate;
  paidOn: IsoDate | null;
}

export interface Extension {
  approvedOn: IsoDate;
  noticeOn: IsoDate;
  days: number;
  approver?: string;
}

export interface Art35Deadline {
  decidedOn: IsoDate;
  dueOn: IsoDate;
  noticeOn?: IsoDate;
}

/** The case as the engine needs it: receipt date per art. 31 and the events grouped by kind. */
export interface Timeline {
  channel: Channel;
  submittedOn: IsoDate;
  receivedOn: IsoDate;
  corrections: Correction[];
  consultations: Consultation[];
  fee: FeeNotice | null;
  extension: Extension | null;
  art35: Art35Deadline | null;
}

export const EVENT_LABELS: Record<DeadlineEvent['type'], string> = {
  'correction-requested': '发出补正通知',
  'correction-received': '收到补正后的申请',
  consultation: '征求意见',
  fee: '发出收费通知',
  extension: '延长答复期限',
  art35: '确定延迟答复期限',
};

/** Channels whose receipt date is the confirmation day of art. 31. */
const NEEDS_CONFIRMATION = new Set<Channel>(['mail-ordinary', 'online', 'fax', 'email']);

export const CHANNEL_LABELS: Record<Channel, string> = {
  'in-person': '当面提交',
  'mail-registered': '邮寄（挂号/需签收）',
  'mail-ordinary': '平信（无需签收）',
  online: '互联网渠道',
  fax: '传真',
  email: '电子邮件',
};

function firstDate(event: DeadlineEvent): IsoDate {
  switch (event.type) {
    case 'correction-requested':
    case 'correction-received':
      return event.on;
    case 'consultation':
      return event.startedOn;
    case 'fee':
      return event.noticeOn;
    case 'extension':
      return event.approvedOn;
    case 'art35':
      return event.decidedOn;
  }
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

function receiptDate(input: DeadlineInput): IsoDate {
  const label = CHANNEL_LABELS[input.channel];
  if (!NEEDS_CONFIRMATION.has(input.channel)) {
    if (input.confirmedOn !== undefined) {
      throw invalid(`${label}的申请以提交或签收之日为收到申请之日，不应填写确认日期（条例第三十一条）`);
    }
    return input.submittedOn;
  }
  if (input.confirmedOn === undefined) {
    throw invalid(
      `以${label}方式提交的申请须填写与申请人确认之日（confirmedOn，命令行为 --confirmed），确认之日为收到申请之日（条例第三十一条）`,
    );
  }
  if (input.confirmedOn < input.submittedOn) {
    throw invalid(`确认日期${input.confirmedOn}早于提交日期${input.submittedOn}`);
  }
  return input.confirmedOn;
}

function notBefore(later: IsoDate, earlier: IsoDate, what: string): void {
  if (later < earlier) throw invalid(what);
}

/**
 * Checks the events against each other and groups them. Throws AppError('INVALID_INPUT') with a
 * Chinese message for: events out of chronological order or before receipt, a correction received
 * without a pending request, more than two correction rounds, a correction after an extension or
 * art. 35 decision, an extension or art. 35 decision while a correction is pending, a second fee
 * notice, extension or art. 35 decision, and dates inside one event that contradict each other.
 */
export function readTimeline(input: DeadlineInput): Timeline {
  const receivedOn = receiptDate(input);
  const t: Timeline = {
    channel: input.channel,
    submittedOn: input.submittedOn,
    receivedOn,
    corrections: [],
    consultations: [],
    fee: null,
    extension: null,
    art35: null,
  };
  let previous: IsoDate = receivedOn;
  input.events.forEach((event, index) => {
    const where = `第${index + 1}个事件（${EVENT_LABELS[event.type]}）`;
    const date = firstDate(event);
    if (date < receivedOn) throw invalid(`${where}的日期${date}早于收到申请之日${receivedOn}`);
    if (date < previous)
      throw invalid(`事件应按时间先后排列：${where}的日期${date}早于前一个事件的日期${previous}`);
    previous = date;
    const pending = t.corrections.at(-1)?.receivedOn === null;
    switch (event.type) {
      case 'correction-requested':
        if (pending) throw invalid(`${where}：上一次补正通知尚未收到补正材料`);
        if (t.extension || t.art35) throw invalid(`${where}：已延长或确定延迟答复期限后不能再要求补正`);
        if (t.corrections.length >= 2) throw invalid(`${where}：补正最多两轮（条例第三十条要求一次性告知）`);
        t.corrections.push({ requestedOn: event.on, receivedOn: null });
        break;
      case 'correction-received':
        if (!pending) throw invalid(`${where}：此前没有待补正的补正通知`);
        t.corrections.at(-1)!.receivedOn = event.on;
        break;
      case 'consultation': {
        const letterReceivedOn = event.letterReceivedOn ?? event.startedOn;
        notBefore(letterReceivedOn, event.startedOn, `${where}：对方收到征求意见书的日期早于发出日期`);
        const reply = event.replyReceivedOn ?? null;
        if (reply !== null)
          notBefore(reply, letterReceivedOn, `${where}：收到答复的日期早于对方收到征求意见书的日期`);
        t.consultations.push({
          party: event.party,
          ...(event.name ? { name: event.name } : {}),
          startedOn: event.startedOn,
          letterReceivedOn,
          replyReceivedOn: reply,
        });
        break;
      }
      case 'fee': {
        if (t.fee) throw invalid(`${where}：一件申请只能有一次收费通知`);
        const noticeReceivedOn = event.noticeReceivedOn ?? event.noticeOn;
        notBefore(noticeReceivedOn, event.noticeOn, `${where}：申请人收到收费通知的日期早于发出日期`);
        const paidOn = event.paidOn ?? null;
        if (paidOn !== null) notBefore(paidOn, noticeReceivedOn, `${where}：缴费日期早于收到收费通知的日期`);
        t.fee = { noticeOn: event.noticeOn, noticeReceivedOn, paidOn };
        break;
      }
      case 'extension':
        if (t.extension) throw invalid(`${where}：答复期限只能延长一次`);
        if (pending) throw invalid(`${where}：补正期间答复期限尚未起算，不能延长`);
        notBefore(event.noticeOn, event.approvedOn, `${where}：告知申请人的日期早于批准日期`);
        t.extension = { approvedOn: event.approvedOn, noticeOn: event.noticeOn, days: event.days };
        if (event.approver) t.extension.approver = event.approver;
        break;
      case 'art35':
        if (t.art35) throw invalid(`${where}：延迟答复期限只能确定一次`);
        if (pending) throw invalid(`${where}：补正期间不能确定延迟答复期限`);
        if (event.dueOn <= event.decidedOn)
          throw invalid(`${where}：延迟答复期限${event.dueOn}应晚于作出决定之日`);
        if (event.noticeOn)
          notBefore(event.noticeOn, event.decidedOn, `${where}：告知申请人的日期早于决定日期`);
        t.art35 = { decidedOn: event.decidedOn, dueOn: event.dueOn };
        if (event.noticeOn) t.art35.noticeOn = event.noticeOn;
        break;
    }
  });
  return t;
}
