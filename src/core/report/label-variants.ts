import type { Table3RowKey } from './labels.ts';
import { normalizeLabel } from './normalize-text.ts';

/**
 * The wording real reports print for the rows of tables 二 and 三 instead of the official
 * captions (rule N-09), declared once: the readers accept each variant as the row it stands for
 * and report it as non-standard. Collected from the seeds, the test fixtures and published
 * county/department reports (2021–2024): dropped 行政/本年/政府, 的/之/或者, list commas, a
 * missing 信息/事项 at the end, 上一年/下一年 for 上年/下年.
 *
 * Width, spacing, parentheses, quotes and "1、"/"1．" are absorbed by normalizeLabel, and the small
 * differences of `canonicalLabel` (的, 之, 或者, list commas) by comparing canonically; entries
 * differing from the official caption only so are listed all the same, as evidence of what reports
 * print (each is a tested case).
 */

/** Table 二's six rows (the keys of Table2 in core/report/schema.ts). */
export type Table2RowKey =
  | 'regulations'
  | 'normativeDocuments'
  | 'licensing'
  | 'punishment'
  | 'coercion'
  | 'feesWanYuan';

export interface LabelVariant<K extends string> {
  /** The caption as printed (for table 三's grouped rows: the item text without its number). */
  printed: string;
  row: K;
  /** Set when the variant does not mean the same thing (reported as a warning, not info). */
  differs?: string;
}

export const TABLE2_ROW_VARIANTS: readonly LabelVariant<Table2RowKey>[] = [
  { printed: '规范性文件', row: 'normativeDocuments' },
  { printed: '其他规范性文件', row: 'normativeDocuments' },
  { printed: '行政规范性文件件数', row: 'normativeDocuments' },
  { printed: '政府规章', row: 'regulations' },
  { printed: '部门规章', row: 'regulations' },
  { printed: '规章件数', row: 'regulations' },
  { printed: '行政许可事项', row: 'licensing' },
  { printed: '行政许可决定', row: 'licensing' },
  { printed: '行政处罚决定', row: 'punishment' },
  { printed: '行政强制措施', row: 'coercion' },
  { printed: '行政强制决定', row: 'coercion' },
  { printed: '行政事业性收费金额', row: 'feesWanYuan' },
  { printed: '行政事业性收费项目', row: 'feesWanYuan' },
  { printed: '行政性收费', row: 'feesWanYuan' },
];

export const TABLE3_ROW_VARIANTS: readonly LabelVariant<Table3RowKey>[] = [
  { printed: '本年度新收政府信息公开申请数量', row: 'newReceived' },
  { printed: '新收政府信息公开申请数量', row: 'newReceived' },
  { printed: '本年新收信息公开申请数量', row: 'newReceived' },
  { printed: '本年新收申请数量', row: 'newReceived' },
  { printed: '上年度结转政府信息公开申请数量', row: 'carriedOver' },
  { printed: '上一年结转政府信息公开申请数量', row: 'carriedOver' },
  { printed: '上年结转信息公开申请数量', row: 'carriedOver' },
  { printed: '上年结转申请数量', row: 'carriedOver' },
  { printed: '结转下一年度继续办理', row: 'carriedForward' },
  { printed: '结转下年继续办理', row: 'carriedForward' },
  { printed: '结转下年度办理', row: 'carriedForward' },
  { printed: '合计', row: 'totalConcluded' },
  { printed: '国家秘密', row: 'denied.stateSecret' },
  { printed: '属于国家秘密的', row: 'denied.stateSecret' },
  { printed: '法律行政法规禁止公开', row: 'denied.lawForbidden' },
  { printed: '其他法律、行政法规禁止公开', row: 'denied.lawForbidden' },
  {
    printed: '其他法律法规禁止公开',
    row: 'denied.lawForbidden',
    differs: '“法律法规”与“法律行政法规”范围不同',
  },
  { printed: '危及“三安全、一稳定”', row: 'denied.threeSafetyOneStability' },
  { printed: '危及国家安全、公共安全、经济安全和社会稳定', row: 'denied.threeSafetyOneStability' },
  { printed: '涉及第三方合法权益', row: 'denied.thirdParty' },
  { printed: '保护第三方权益', row: 'denied.thirdParty' },
  { printed: '属于三类内部事务', row: 'denied.internalAffairs' },
  { printed: '三类内部事务信息', row: 'denied.internalAffairs' },
  { printed: '属于四类过程信息', row: 'denied.processInfo' },
  { printed: '四类过程性信息', row: 'denied.processInfo' },
  { printed: '属于行政执法案卷信息', row: 'denied.enforcementFile' },
  { printed: '行政执法案卷', row: 'denied.enforcementFile' },
  { printed: '行政查询事项', row: 'denied.adminQuery' },
  { printed: '本机关不掌握相关信息', row: 'unable.notHeld' },
  { printed: '本机关不掌握该政府信息', row: 'unable.notHeld' },
  { printed: '不掌握相关政府信息', row: 'unable.notHeld' },
  { printed: '没有现成信息，需要另行制作', row: 'unable.needCreation' },
  { printed: '没有现成信息需另行制作', row: 'unable.needCreation' },
  { printed: '补正后申请内容仍然不明确', row: 'unable.stillUnclear' },
  { printed: '信访、举报、投诉类申请', row: 'notProcessed.petition' },
  { printed: '信访举报投诉类', row: 'notProcessed.petition' },
  { printed: '重复申请的', row: 'notProcessed.repeat' },
  { printed: '要求提供公开出版物的', row: 'notProcessed.publication' },
  { printed: '无正当理由大量、反复申请', row: 'notProcessed.massive' },
  { printed: '要求行政机关确认或者重新出具已获取信息', row: 'notProcessed.confirmOrReissue' },
  {
    printed: '申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
    row: 'other.noCorrection',
  },
  { printed: '申请人无正当理由逾期不补正', row: 'other.noCorrection' },
  {
    printed: '申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请',
    row: 'other.noFee',
  },
  { printed: '申请人逾期未按收费通知要求缴纳费用', row: 'other.noFee' },
  { printed: '其他情形', row: 'other.other' },
];

/**
 * What variant and official captions are compared in: normalizeLabel, then without the small
 * words and marks that do not change a caption's meaning (的, 之, 或者 → 或, list commas and
 * quotes, a trailing 的).
 */
export function canonicalLabel(text: string): string {
  return normalizeLabel(text)
    .replace(/或者/g, '或')
    .replace(/[、，,"'.;；:：]/g, '')
    .replace(/的|之/g, '');
}

/** The variants of each table by canonical form, built once (readers ask for every line). */
const BY_CANONICAL = new WeakMap<readonly LabelVariant<string>[], Map<string, LabelVariant<string>>>();

/** Finds the row a printed caption stands for among `variants`, compared canonically. */
export function findVariant<K extends string>(
  variants: readonly LabelVariant<K>[],
  printed: string,
): LabelVariant<K> | undefined {
  let index = BY_CANONICAL.get(variants);
  if (!index) {
    index = new Map(variants.map((v) => [canonicalLabel(v.printed), v]));
    BY_CANONICAL.set(variants, index);
  }
  return index.get(canonicalLabel(printed)) as LabelVariant<K> | undefined;
}
