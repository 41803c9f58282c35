/**
 * Letter inputs for the tests and the previews under docs/letters/ (test support, not shipped
 * code). Names are invented.
 */
import type { AnswerLetterInput } from '../../src/documents/letters/letter-content.ts';
import type { ApplicantLetterBase } from '../../src/documents/letters/letter-frame.ts';
import type { CorrectionLetterInput } from '../../src/documents/letters/notices.ts';

export function sampleBase(): ApplicantLetterBase {
  return {
    agency: '中卫市数据局',
    documentPrefix: '中卫数据',
    trackingNumber: '2025-0001',
    date: '2025-03-20',
    description: '2024年全市政务云平台建设项目的招标文件、中标通知书及项目合同',
    receivedOn: '2025-03-03',
    applicantName: '张某某',
  };
}

/** 部分公开: the contract is given, the bid prices withheld (art. 15), the acceptance report not held. */
export function samplePartialAnswer(): AnswerLetterInput {
  return {
    ...sampleBase(),
    outcome: 'partial',
    secondaryOutcomes: ['denied.thirdParty', 'unable.notHeld'],
    obtain: '招标文件、中标通知书及项目合同（已删除不予公开的内容）随本答复书一并送达（见附件）',
    thirdPartyReply: 'objected',
    reasons: {
      'denied.thirdParty': '项目合同附件中的分项报价明细属于中标单位的商业秘密',
      'unable.notHeld': '您申请公开的项目验收报告尚未形成',
    },
    remedyBodies: { reconsiderationBody: '中卫市人民政府', court: '中卫市沙坡头区人民法院' },
  };
}

export function sampleCorrection(): CorrectionLetterInput {
  return {
    ...sampleBase(),
    description: '数据局近几年的所有文件',
    date: '2025-03-06',
    points: [
      '请写明所申请政府信息的名称、文号或者便于本机关查询的其他特征性描述（如文件标题、制作年份、所涉事项）',
      '请明确“近几年”所指的具体年份范围',
      '请提供申请人的身份证明复印件',
    ],
    dueOn: '2025-03-28',
    submitTo:
      '邮寄或者当面递交至中卫市数据局政务公开办公室，也可以通过中卫市人民政府门户网站依申请公开平台提交',
  };
}
