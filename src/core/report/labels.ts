/**
 * The exact official captions of the annual report format (国办公开办函〔2021〕30号), copied from
 * DOMAIN.md §A. Renderers print them; readers match against them (after normalisation).
 */

export const SECTION_CAPTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const OVERVIEW_SUBHEADINGS = [
  '主动公开',
  '依申请公开',
  '政府信息管理',
  '政府信息公开平台建设',
  '监督保障',
] as const;

export const TABLE_CAPTIONS = {
  table2: '主动公开政府信息情况',
  table3: '收到和处理政府信息公开申请情况',
  table4: '政府信息公开行政复议、行政诉讼情况',
} as const;

export type TableId = keyof typeof TABLE_CAPTIONS;

/** Table 二: the four sub-tables, their rows and columns. */
export const TABLE2_LABELS = {
  item1: '第二十条第（一）项',
  item5: '第二十条第（五）项',
  item6: '第二十条第（六）项',
  item8: '第二十条第（八）项',
  contentHeader: '信息内容',
  regulations: '规章',
  normativeDocuments: '行政规范性文件',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  licensing: '行政许可',
  punishment: '行政处罚',
  coercion: '行政强制',
  decisions: '本年处理决定数量',
  fees: '行政事业性收费',
  feesAmount: '本年收费金额（单位：万元）',
} as const;

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const TABLE3_APPLICANT_HEADER = '申请人情况';
export const TABLE3_LEGAL_PERSON_HEADER = '法人或其他组织';
export const TABLE3_OUTCOME_CAPTION = '三、本年度办理结果';

/** The seven numeric columns of table 三, in form order. */
export const TABLE3_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;
export const TABLE3_TOTAL_COLUMN = 6;

export const TABLE3_ROW_KEYS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partial',
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.threeSafetyOneStability',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementFile',
  'denied.adminQuery',
  'unable.notHeld',
  'unable.needCreation',
  'unable.stillUnclear',
  'notProcessed.petition',
  'notProcessed.repeat',
  'notProcessed.publication',
  'notProcessed.massive',
  'notProcessed.confirmOrReissue',
  'other.noCorrection',
  'other.noFee',
  'other.other',
  'totalConcluded',
  'carriedForward',
] as const;

export type Table3RowKey = (typeof TABLE3_ROW_KEYS)[number];

/** Outcome groups （三）–（六） whose leaves are listed under one caption. */
export const TABLE3_GROUPS = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
} as const;

export type Table3Group = keyof typeof TABLE3_GROUPS;

/**
 * Row captions. `label` is the row's own caption (for grouped rows, the numbered item); `fullLabel`
 * is how a clerk names the row in a message: group caption + item.
 */
export const TABLE3_ROW_LABELS: Record<Table3RowKey, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'denied.stateSecret': '1.属于国家秘密',
  'denied.lawForbidden': '2.其他法律行政法规禁止公开',
  'denied.threeSafetyOneStability': '3.危及“三安全一稳定”',
  'denied.thirdParty': '4.保护第三方合法权益',
  'denied.internalAffairs': '5.属于三类内部事务信息',
  'denied.processInfo': '6.属于四类过程性信息',
  'denied.enforcementFile': '7.属于行政执法案卷',
  'denied.adminQuery': '8.属于行政查询事项',
  'unable.notHeld': '1.本机关不掌握相关政府信息',
  'unable.needCreation': '2.没有现成信息需要另行制作',
  'unable.stillUnclear': '3.补正后申请内容仍不明确',
  'notProcessed.petition': '1.信访举报投诉类申请',
  'notProcessed.repeat': '2.重复申请',
  'notProcessed.publication': '3.要求提供公开出版物',
  'notProcessed.massive': '4.无正当理由大量反复申请',
  'notProcessed.confirmOrReissue': '5.要求行政机关确认或重新出具已获取信息',
  'other.noCorrection': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other.noFee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other.other': '3.其他',
  totalConcluded: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

function groupOfKey(key: string): Table3Group | null {
  const dot = key.indexOf('.');
  const prefix = key.slice(0, dot);
  return dot !== -1 && prefix in TABLE3_GROUPS ? (prefix as Table3Group) : null;
}

/** The group of every row key, worked out once: the rules and the readers ask for it per row. */
const GROUP_OF_KEY: ReadonlyMap<string, Table3Group | null> = new Map(
  TABLE3_ROW_KEYS.map((key) => [key, groupOfKey(key)]),
);

export function table3Group(key: Table3RowKey): Table3Group | null {
  const group = GROUP_OF_KEY.get(key);
  return group === undefined ? groupOfKey(key) : group;
}

/** "（三）不予公开 1.属于国家秘密" for grouped rows, the caption itself otherwise. */
export function table3FullLabel(key: Table3RowKey): string {
  const group = table3Group(key);
  return group ? `${TABLE3_GROUPS[group]} ${TABLE3_ROW_LABELS[key]}` : TABLE3_ROW_LABELS[key];
}

/** The 21 leaf outcome rows whose sum is （七）总计 (rule T3-02). */
export const TABLE3_OUTCOME_KEYS = TABLE3_ROW_KEYS.filter(
  (k) => k !== 'newReceived' && k !== 'carriedOver' && k !== 'totalConcluded' && k !== 'carriedForward',
) as readonly Table3RowKey[];

/** Table 四: three groups of five columns. */
export const TABLE4_GROUP_KEYS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type Table4GroupKey = (typeof TABLE4_GROUP_KEYS)[number];

export const TABLE4_GROUP_LABELS: Record<Table4GroupKey, string> = {
  review: '行政复议',
  litigationDirect: '行政诉讼 未经复议直接起诉',
  litigationAfterReview: '行政诉讼 复议后起诉',
};
export const TABLE4_REVIEW_HEADER = '行政复议';
export const TABLE4_LITIGATION_HEADER = '行政诉讼';
export const TABLE4_DIRECT_HEADER = '未经复议直接起诉';
export const TABLE4_AFTER_REVIEW_HEADER = '复议后起诉';

export const TABLE4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const TABLE4_TOTAL_COLUMN = 4;

/** Table 三's rows in order, each with its full label. */
export const TABLE3_ROWS: ReadonlyArray<{ key: Table3RowKey; label: string }> = TABLE3_ROW_KEYS.map(
  (key) => ({
    key,
    label: table3FullLabel(key),
  }),
);

/** Table 四's groups in order, each with its label. */
export const TABLE4_GROUPS: ReadonlyArray<{ key: Table4GroupKey; label: string }> = TABLE4_GROUP_KEYS.map(
  (key) => ({ key, label: TABLE4_GROUP_LABELS[key] }),
);

/** Every fixed caption the format prints: section headings, table headers, row and column labels. */
export const FORMAT_CAPTIONS: readonly string[] = [
  ...SECTION_CAPTIONS,
  ...Object.values(TABLE2_LABELS),
  TABLE3_NOTE,
  TABLE3_APPLICANT_HEADER,
  TABLE3_LEGAL_PERSON_HEADER,
  TABLE3_OUTCOME_CAPTION,
  ...TABLE3_COLUMNS,
  ...Object.values(TABLE3_GROUPS),
  ...Object.values(TABLE3_ROW_LABELS),
  TABLE4_REVIEW_HEADER,
  TABLE4_LITIGATION_HEADER,
  TABLE4_DIRECT_HEADER,
  TABLE4_AFTER_REVIEW_HEADER,
  ...TABLE4_COLUMNS,
];
