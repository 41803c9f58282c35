/**
 * The earlier annual report format (国办公开办函〔2019〕60号), used for the reports of 2019 and 2020,
 * declared once: its table 二 rows and columns, and the one table-三 row it prints differently.
 *
 * DOMAIN.md §A.7 only says the 2019 table 二 has more columns and an art. 20(9) procurement item;
 * the layout below follows the 60号 template as published with the notice (confidence M): sections
 * 一–六 and table 四 as in 2021; table 三 as in 2021 except that （六）其他处理 is one row; table 二:
 *
 * | 第二十条第（一）项 | 规章; 规范性文件             | 本年新制作数量 / 本年新公开数量 / 对外公开总数量 |
 * | 第二十条第（五）项 | 行政许可; 其他对外管理服务事项 | 上一年项目数量 / 本年增/减 / 处理决定数量        |
 * | 第二十条第（六）项 | 行政处罚; 行政强制             | 上一年项目数量 / 本年增/减 / 处理决定数量        |
 * | 第二十条第（八）项 | 行政事业性收费                 | 上一年项目数量 / 本年增/减                      |
 * | 第二十条第（九）项 | 政府集中采购                   | 采购项目数量 / 采购总金额                        |
 */

export const FORMAT_VERSIONS = ['2021', '2019'] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];

/** How a user is told which template a report follows. */
export const FORMAT_VERSION_LABELS: Record<FormatVersion, string> = {
  '2021': '2021年格式（国办公开办函〔2021〕30号）',
  '2019': '2019年格式（国办公开办函〔2019〕60号）',
};

export const TABLE2_2019_LABELS = {
  item1: '第二十条第（一）项',
  item5: '第二十条第（五）项',
  item6: '第二十条第（六）项',
  item8: '第二十条第（八）项',
  item9: '第二十条第（九）项',
  contentHeader: '信息内容',
  made: '本年新制作数量',
  published: '本年新公开数量',
  total: '对外公开总数量',
  previous: '上一年项目数量',
  change: '本年增/减',
  decisions: '处理决定数量',
  projects: '采购项目数量',
  amount: '采购总金额',
} as const;

/** The columns of each kind of row, in printed order; `change` may be negative (本年增/减). */
export const TABLE2_2019_COLUMNS = {
  documents: ['made', 'published', 'total'],
  matters: ['previous', 'change', 'decisions'],
  fees: ['previous', 'change'],
  procurement: ['projects', 'amount'],
} as const;
export type Table2Of2019Kind = keyof typeof TABLE2_2019_COLUMNS;

export const TABLE2_2019_ITEMS = [
  { caption: TABLE2_2019_LABELS.item1, kind: 'documents', rows: ['regulations', 'normativeDocuments'] },
  { caption: TABLE2_2019_LABELS.item5, kind: 'matters', rows: ['licensing', 'otherServices'] },
  { caption: TABLE2_2019_LABELS.item6, kind: 'matters', rows: ['punishment', 'coercion'] },
  { caption: TABLE2_2019_LABELS.item8, kind: 'fees', rows: ['fees'] },
  { caption: TABLE2_2019_LABELS.item9, kind: 'procurement', rows: ['procurement'] },
] as const;

export type Table2Of2019RowKey = (typeof TABLE2_2019_ITEMS)[number]['rows'][number];

export const TABLE2_2019_ROW_LABELS: Record<Table2Of2019RowKey, string> = {
  regulations: '规章',
  normativeDocuments: '规范性文件',
  licensing: '行政许可',
  otherServices: '其他对外管理服务事项',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
  procurement: '政府集中采购',
};

/** Every row of the 2019 table 二 with its kind, in printed order. */
export const TABLE2_2019_ROWS: ReadonlyArray<{ key: Table2Of2019RowKey; kind: Table2Of2019Kind }> =
  TABLE2_2019_ITEMS.flatMap((item) => item.rows.map((key) => ({ key, kind: item.kind })));

/** Table 三's （六）其他处理, printed as one row in this format (the 2021 format splits it in three). */
export const TABLE3_2019_OTHER_LABEL = '（六）其他处理';

/**
 * Words only the 2019 table 二 prints (DOMAIN.md §A.7: the version is told by table 二's header).
 * 规范性文件 and the 2021 columns are shared or absent, so they are not evidence.
 */
export const FORMAT_2019_MARKERS =
  /第二十条第[(（]九[)）]项|本年新公开数量|对外公开总数量|本年新制作数量|上一年项目数量|政府集中采购/;

/**
 * What the meaning of a 2019 table-二 row's columns requires (the 60号 form states no identity; the
 * rule is T2-06, soft): 本年新公开数量 ≤ 对外公开总数量 (what was newly published is part of all that
 * is published), and 上一年项目数量 + 本年增/减 ≥ 0 (a decrease cannot exceed what there was).
 * `values` are the row's cells in TABLE2_2019_COLUMNS order; a null cell satisfies everything.
 */
export function table2Of2019RowConsistent(
  kind: Table2Of2019Kind,
  values: ReadonlyArray<number | null>,
): boolean {
  const [a, b, c] = values;
  if (kind === 'documents') return b == null || c == null || b <= c;
  if (kind === 'matters' || kind === 'fees') return a == null || b == null || a + b >= 0;
  return true;
}
