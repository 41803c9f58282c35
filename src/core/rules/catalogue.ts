import type { Severity } from './finding.ts';

/**
 * What a rule needs to be assessed:
 * - data: the report's numbers alone;
 * - cross-year: also the same agency's report for the previous year;
 * - narrative: the text of sections 一、五、六 (assessed by the document checker);
 * - source: the layout of the published document (assessed when a file is read).
 */
export type RuleScope = 'data' | 'cross-year' | 'narrative' | 'source';

export interface RuleDefinition {
  id: string;
  /** Default severity; a rule may report a lower one when it is unsure (see DOMAIN.md §A.5). */
  severity: Severity;
  scope: RuleScope;
  title: string;
}

/** The rule catalogue of DOMAIN.md §F. Ids are stable: tools and users refer to them. */
export const RULES: readonly RuleDefinition[] = [
  { id: 'S-01', severity: 'warning', scope: 'source', title: '六个部分的标题齐全且顺序正确，三张表格齐全' },
  { id: 'S-02', severity: 'warning', scope: 'data', title: '统计期限与报告年度一致' },
  {
    id: 'S-03',
    severity: 'warning',
    scope: 'narrative',
    title: '第六部分报告信息处理费收取情况和年度政务公开工作要点落实情况',
  },
  { id: 'S-04', severity: 'warning', scope: 'narrative', title: '第五部分不为空' },
  {
    id: 'T2-01',
    severity: 'error',
    scope: 'data',
    title: '表二应有10个数值：件数为非负整数，收费金额为非负数',
  },
  { id: 'T2-03', severity: 'warning', scope: 'data', title: '行政事业性收费单位应为万元' },
  { id: 'T2-04', severity: 'warning', scope: 'data', title: '无规章制定权的机关规章数应为0' },
  {
    id: 'T2-05',
    severity: 'error',
    scope: 'data',
    title: '2019年格式表二应有22个数值：件数为非负整数，本年增/减为整数，采购总金额为非负数',
  },
  {
    id: 'T2-06',
    severity: 'warning',
    scope: 'data',
    title: '2019年格式表二：本年新公开数量不超过对外公开总数量，项目数量加增减不为负',
  },
  {
    id: 'T3-01',
    severity: 'error',
    scope: 'data',
    title: '勾稽关系：第一项加第二项之和等于第三项（七）总计加第四项之和（每一列）',
  },
  { id: 'T3-02', severity: 'error', scope: 'data', title: '（七）总计等于各项办理结果之和（每一列）' },
  {
    id: 'T3-03',
    severity: 'error',
    scope: 'data',
    title: '“总计”列等于自然人与五类法人或其他组织之和（每一行）',
  },
  { id: 'T3-04', severity: 'warning', scope: 'data', title: '表三每个单元格应填非负整数，不应空白或填“/”' },
  { id: 'T3-05', severity: 'error', scope: 'data', title: '表三应为25行×7列' },
  { id: 'T3-06', severity: 'error', scope: 'data', title: '自行增加的小计行应等于其下各项之和' },
  {
    id: 'T4-01',
    severity: 'error',
    scope: 'data',
    title: '行政复议：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  },
  { id: 'T4-02', severity: 'error', scope: 'data', title: '未经复议直接起诉：总计等于四项结果之和' },
  { id: 'T4-03', severity: 'error', scope: 'data', title: '复议后起诉：总计等于四项结果之和' },
  { id: 'T4-04', severity: 'error', scope: 'data', title: '表四应为15个非负整数' },
  {
    id: 'Y-01',
    severity: 'warning',
    scope: 'cross-year',
    title: '本年“上年结转”等于上一年度“结转下年度继续办理”（每一列）',
  },
  {
    id: 'Y-02',
    severity: 'warning',
    scope: 'data',
    title: '现行有效件数与上年现行有效、本年制发、本年废止相衔接',
  },
  { id: 'X-01', severity: 'info', scope: 'data', title: '有行政复议、诉讼案件但本年和上年均无申请' },
  { id: 'X-02', severity: 'info', scope: 'data', title: '有复议后起诉案件但没有行政复议记录' },
  { id: 'N-01', severity: 'warning', scope: 'narrative', title: '“未收到申请”的表述与表三一致' },
  { id: 'N-02', severity: 'warning', scope: 'narrative', title: '正文所述申请件数与表三一致' },
  { id: 'N-03', severity: 'warning', scope: 'narrative', title: '“办结率100%”与结转下年度为0一致' },
  { id: 'N-04', severity: 'warning', scope: 'narrative', title: '“未发生行政复议、行政诉讼”与表四一致' },
  { id: 'N-05', severity: 'warning', scope: 'narrative', title: '“未制发规范性文件”与表二一致' },
  { id: 'N-06', severity: 'warning', scope: 'narrative', title: '“其中”列举的分项之和与总数一致' },
  { id: 'N-07', severity: 'warning', scope: 'narrative', title: '正文提及的年份不晚于报告年度' },
  { id: 'N-08', severity: 'warning', scope: 'narrative', title: '法规名称与文号书写正确' },
  { id: 'N-09', severity: 'info', scope: 'source', title: '表格行列标题与标准格式一致' },
  { id: 'N-10', severity: 'warning', scope: 'narrative', title: '本机关及所属单位名称中的地名正确' },
  {
    id: 'N-11',
    severity: 'info',
    scope: 'narrative',
    title: '文字差错：夹杂英文、多字、句式杂糅、标题残缺、括号混用',
  },
  { id: 'N-12', severity: 'error', scope: 'narrative', title: '正文不得留有起草时待填写的占位文字' },
  { id: 'OCR-01', severity: 'info', scope: 'source', title: '扫描件：识别存疑的单元格按勾稽关系唯一校正' },
  { id: 'OCR-02', severity: 'warning', scope: 'source', title: '扫描件：无法可靠识别的单元格（按空白处理）' },
  {
    id: 'OCR-03',
    severity: 'warning',
    scope: 'source',
    title: '扫描件：识别存疑且无勾稽关系可核对的单元格（请对照原件核对）',
  },
  {
    id: 'P-01',
    severity: 'warning',
    scope: 'data',
    title: '部门年报应于1月31日前、政府年报应于3月31日前公布',
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): RuleDefinition {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}
