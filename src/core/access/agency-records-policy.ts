import type { Policy } from './access-policy.ts';
import { hasRole, isAdmin, ofTheAgency, supervisesTheRegion } from './access-rules.ts';

/**
 * What an agency holds (applications, its registers, cases, annual reports): officers and
 * reviewers of the agency read and handle them; a supervisor (主管部门) reads those of agencies
 * in its region and the regions below it; an admin reads every agency's. The applicant's personal
 * data is for the handling agency alone. Each refusal names the records.
 */
const readers = [ofTheAgency, supervisesTheRegion, isAdmin];
const handlers = [ofTheAgency];

/** The registers' wording (`what`, e.g. "主动公开信息"). */
function register(what: string) {
  return {
    read: { rules: readers, refusal: `无权查看该机关的${what}` },
    handle: { rules: handlers, refusal: `无权录入或办理该机关的${what}：只有本机关的经办人和审核人可以办理` },
  } satisfies Record<string, Policy>;
}

const ENFORCEMENT_FIGURES = '行政许可、行政处罚、行政强制和行政事业性收费统计数据';

export const AGENCY_RECORDS_POLICY = {
  /** 依申请公开 applications; 'personal-data' covers the applicant's data and the letters that print it. */
  application: {
    read: { rules: readers, refusal: '无权查看该机关的政府信息公开申请' },
    handle: {
      rules: handlers,
      refusal: '无权办理该机关的政府信息公开申请：只有本机关的经办人和审核人可以办理',
    },
    'personal-data': {
      rules: handlers,
      refusal: '无权查看申请人个人信息：只有办理该申请的机关的经办人和审核人可以查看',
    },
  },
  /** The 主动公开 register. */
  disclosure: register('主动公开信息'),
  /** 行政复议 and 行政诉讼 cases. */
  case: register('行政复议和行政诉讼案件'),
  /** The 台账 work records. */
  'work-record': register('工作记录'),
  /** Table 二: regulations and normative documents. */
  'normative-document': register('规章和行政规范性文件'),
  /** Table 二: licensing, punishment, coercion and fee figures; 'import' is the CSV of many agencies. */
  'enforcement-figures': {
    ...register(ENFORCEMENT_FIGURES),
    import: {
      rules: [hasRole('officer', 'reviewer')],
      refusal: `无权导入${ENFORCEMENT_FIGURES}：只有机关的经办人和审核人可以录入`,
    },
  },
  /** Annual reports and their documents (a report holds no personal data). */
  'annual-report': {
    read: { rules: readers, refusal: '无权查看该机关的年度报告' },
    handle: { rules: handlers, refusal: '无权编辑该机关的年度报告：只有本机关的经办人和审核人可以' },
  },
} satisfies Record<string, Record<string, Policy>>;
