import {
  TABLE2_2019_LABELS as L19,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ITEMS,
  TABLE2_2019_ROW_LABELS,
  TABLE3_2019_OTHER_LABEL,
} from '../../src/core/report/format-2019.ts';
import {
  TABLE2_LABELS as L,
  SECTION_CAPTIONS,
  TABLE3_GROUPS,
  TABLE3_NOTE,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  table3Group,
} from '../../src/core/report/labels.ts';
import type { Cell, Report } from '../../src/core/report/schema.ts';

const v = (c: Cell) => (c === null ? '' : String(c));

/**
 * A report written out the way the seeds are: a tab-separated text export of the published page
 * (leading empty cells, group captions only on the first row of their group). Used to build
 * benchmark corpora and round-trip tests of the text reader.
 */
export function reportToText(report: Report): string {
  const lines: string[] = [
    `${report.agency} ${report.year} 年政府信息公开工作年度报告`,
    '',
    `本报告统计数据从 ${report.year} 年 1 月 1 日至 12 月 31 日。`,
    SECTION_CAPTIONS[0],
    ...report.sections.overview.split('\n'),
    SECTION_CAPTIONS[1],
    ...(report.format2019 ? table2Of2019Lines(report) : table2Lines(report)),
    SECTION_CAPTIONS[2],
    `${TABLE3_NOTE}\t申请人情况\t\t\t\t\t\t`,
    '\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
  ];
  const seen = new Set<string>();
  for (const key of TABLE3_ROW_KEYS) {
    const group = table3Group(key);
    if (report.format2019 && group === 'other') {
      // The 2019 format prints （六）其他处理 as one row.
      if (key === 'other.noCorrection')
        lines.push(`${TABLE3_2019_OTHER_LABEL}\t\t${report.format2019.otherHandling.map(v).join('\t')}`);
      continue;
    }
    let label = TABLE3_ROW_LABELS[key];
    if (group && !seen.has(group)) {
      seen.add(group);
      label = `${TABLE3_GROUPS[group]}\t${label}`;
    } else if (group) label = `\t${label}`;
    if (key === 'granted') label = `三、本年度办理结果\t${label}`;
    lines.push(`${label}\t${report.table3[key].map(v).join('\t')}`);
  }
  const t4 = report.table4;
  lines.push(
    SECTION_CAPTIONS[3],
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    [...t4.review, ...t4.litigationDirect, ...t4.litigationAfterReview].map(v).join('\t'),
    SECTION_CAPTIONS[4],
    ...report.sections.problems.split('\n'),
    SECTION_CAPTIONS[5],
    ...report.sections.other.split('\n'),
  );
  return `${lines.join('\n')}\n`;
}

function table2Lines(report: Report): string[] {
  const t2 = report.table2;
  return [
    '第二十条第（一）项\t\t\t',
    `信息内容\t${L.issued}\t${L.repealed}\t${L.inForce}`,
    `规章\t${v(t2.regulations.issued)}\t${v(t2.regulations.repealed)}\t${v(t2.regulations.inForce)}`,
    `行政规范性文件\t${v(t2.normativeDocuments.issued)}\t${v(t2.normativeDocuments.repealed)}\t${v(t2.normativeDocuments.inForce)}`,
    '第二十条第（五）项\t\t\t',
    `信息内容\t${L.decisions}\t\t`,
    `行政许可\t${v(t2.licensing)}\t\t`,
    '第二十条第（六）项\t\t\t',
    `信息内容\t${L.decisions}\t\t`,
    `行政处罚\t${v(t2.punishment)}\t\t`,
    `行政强制\t${v(t2.coercion)}\t\t`,
    '第二十条第（八）项\t\t\t',
    `信息内容\t${L.feesAmount}\t\t`,
    `行政事业性收费\t${v(t2.feesWanYuan)}\t\t`,
  ];
}

/** Table 二 of the 2019 format, each item with its own header row. */
function table2Of2019Lines(report: Report): string[] {
  const table = report.format2019!.table2;
  return TABLE2_2019_ITEMS.flatMap((item) => {
    const columns = TABLE2_2019_COLUMNS[item.kind];
    return [
      `${item.caption}\t\t\t`,
      `${L19.contentHeader}\t${columns.map((c) => L19[c]).join('\t')}`,
      ...item.rows.map((key) => {
        const row = table[key] as Record<string, Cell>;
        return `${TABLE2_2019_ROW_LABELS[key]}\t${columns.map((c) => v(row[c] ?? null)).join('\t')}`;
      }),
    ];
  });
}
