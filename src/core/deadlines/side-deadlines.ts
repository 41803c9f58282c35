import { addWorkingDays, workingDaysBetween } from '../calendar/workdays.ts';
import { formatDateZh, type IsoDate } from '../dates.ts';
import type { ConsultationReplyDue, DeadlineStep } from './deadline-result.ts';
import type { Timeline } from './read-timeline.ts';
import type { Suspension } from './suspension.ts';

const zh = (d: IsoDate) => formatDateZh(d, false);

/** What consultations and the fee notice contribute: steps, their own due dates and suspensions. */
export interface SideDeadlines {
  steps: DeadlineStep[];
  warnings: string[];
  replyDues: ConsultationReplyDue[];
  feePaymentDue: IsoDate | null;
  suspensions: Suspension[];
}

export function sideDeadlines(
  t: Timeline,
  feeNoticeSuspends: boolean,
  today: IsoDate | undefined,
): SideDeadlines {
  const out: SideDeadlines = { steps: [], warnings: [], replyDues: [], feePaymentDue: null, suspensions: [] };
  for (const c of t.consultations) {
    const thirdParty = c.party === 'third-party';
    const who = thirdParty ? `第三方${c.name ? `（${c.name}）` : ''}` : `${c.name ?? '其他行政机关'}`;
    const article = thirdParty ? '条例第三十二条' : '条例第三十四条';
    const due = addWorkingDays(c.letterReceivedOn, 15);
    out.replyDues.push({
      party: c.party,
      ...(c.name ? { name: c.name } : {}),
      letterReceivedOn: c.letterReceivedOn,
      due,
      replyReceivedOn: c.replyReceivedOn,
      article,
    });
    out.suspensions.push({ from: c.startedOn, until: c.replyReceivedOn });
    out.steps.push({
      label: thirdParty ? '征求第三方意见' : '征求其他机关意见',
      date: c.startedOn,
      explanation: `向${who}发出征求意见书；自次日起至收到答复之日，征求意见所需时间不计入答复期限`,
      article: `${article}、第三十三条第三款`,
    });
    out.steps.push({
      label: thirdParty ? '第三方提出意见的期限' : '被征求意见机关提出意见的期限',
      date: due,
      explanation: `${who}自收到征求意见书之日（${zh(c.letterReceivedOn)}）的次日起算第15个工作日${
        thirdParty
          ? '；逾期未提出意见的，由行政机关依照条例规定决定是否公开'
          : '；逾期未提出意见的，视为同意公开'
      }`,
      article,
    });
    if (c.replyReceivedOn !== null) {
      const n = workingDaysBetween(c.startedOn, c.replyReceivedOn);
      out.steps.push({
        label: '收到征求意见答复',
        date: c.replyReceivedOn,
        explanation: `${zh(c.startedOn)}次日至${zh(c.replyReceivedOn)}的${n}个工作日不计入答复期限`,
        article: '条例第三十三条第三款',
      });
    } else if (today !== undefined && today > due) {
      out.warnings.push(
        `${who}已逾期未提出意见（期限${zh(due)}）：${thirdParty ? '行政机关可依照条例第三十二条决定是否公开' : '视为同意公开'}，请记录答复或结束征求意见的日期`,
      );
    }
  }
  if (t.fee) {
    const f = t.fee;
    out.feePaymentDue = addWorkingDays(f.noticeReceivedOn, 20);
    if (feeNoticeSuspends) out.suspensions.push({ from: f.noticeOn, until: f.paidOn });
    out.steps.push({
      label: '发出收费通知',
      date: f.noticeOn,
      explanation: feeNoticeSuspends
        ? '自次日起至申请人缴费之日，答复期限中止计算（按本系统配置：收费通知中止答复期限）'
        : '按本系统配置，收费通知不中止答复期限',
      article: '国办函〔2020〕109号',
    });
    out.steps.push({
      label: '缴纳信息处理费的期限',
      date: out.feePaymentDue,
      explanation: `申请人自收到收费通知之日（${zh(f.noticeReceivedOn)}）的次日起算第20个工作日内缴费；逾期未缴纳的，视为放弃申请`,
      article: '国办函〔2020〕109号',
    });
    if (f.paidOn !== null) {
      out.steps.push({
        label: '申请人缴费',
        date: f.paidOn,
        explanation: feeNoticeSuspends ? '答复期限自次日起继续计算' : '申请人已缴费',
        article: '国办函〔2020〕109号',
      });
    } else if (today !== undefined && today > out.feePaymentDue) {
      out.warnings.push(
        `申请人逾期未缴纳信息处理费（期限${zh(out.feePaymentDue)}），视为放弃申请（表三“（六）2”）`,
      );
    }
  }
  return out;
}
