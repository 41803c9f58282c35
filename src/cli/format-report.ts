import stringWidth from 'string-width';
import {
  FORMAT_VERSION_LABELS,
  TABLE2_2019_LABELS as L19,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ITEMS,
  TABLE2_2019_ROW_LABELS,
  TABLE3_2019_OTHER_LABEL,
} from '../core/report/format-2019.ts';
import {
  TABLE2_LABELS as L,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table3Group,
} from '../core/report/labels.ts';
import type { Cell, Report, Table2Of2019 } from '../core/report/schema.ts';

const show = (v: Cell | undefined) => (v === null || v === undefined ? '（空）' : String(v));

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

function grid(header: string[], rows: string[][], labelWidth: number): string {
  const widths = header.map((h, i) =>
    Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i + 1] ?? ''))),
  );
  const line = (label: string, cells: string[]) =>
    `  ${padEnd(label, labelWidth)}  ${cells.map((c, i) => padStart(c, widths[i]!)).join('  ')}\n`;
  return line('', header) + rows.map((r) => line(r[0]!, r.slice(1))).join('');
}

function shorten(label: string, max: number): string {
  let out = label;
  while (stringWidth(out) > max) out = out.slice(0, -2);
  return out === label ? label : `${out}…`;
}

function table2Text(report: Report): string {
  const t2 = report.table2;
  let text = '';
  text += grid(
    [L.issued, L.repealed, L.inForce],
    [
      [
        L.regulations,
        show(t2.regulations.issued),
        show(t2.regulations.repealed),
        show(t2.regulations.inForce),
      ],
      [
        L.normativeDocuments,
        show(t2.normativeDocuments.issued),
        show(t2.normativeDocuments.repealed),
        show(t2.normativeDocuments.inForce),
      ],
    ],
    16,
  );
  text += grid(
    [L.decisions],
    [
      [L.licensing, show(t2.licensing)],
      [L.punishment, show(t2.punishment)],
      [L.coercion, show(t2.coercion)],
    ],
    16,
  );
  text += grid([L.feesAmount], [[L.fees, show(t2.feesWanYuan)]], 16);
  return text;
}

/** Table 二 of the 2019 format: one grid per item, each with its own columns. */
function table2Of2019Text(table: Table2Of2019): string {
  return TABLE2_2019_ITEMS.map((item) => {
    const columns = TABLE2_2019_COLUMNS[item.kind];
    const rows = item.rows.map((key) => {
      const row = table[key] as Record<string, Cell>;
      return [TABLE2_2019_ROW_LABELS[key], ...columns.map((c) => show(row[c]))];
    });
    return `  ${item.caption}\n${grid(
      columns.map((c) => L19[c]),
      rows,
      20,
    )}`;
  }).join('');
}

/** The report as a clerk reads it on a terminal: title block, the three tables, the narrative sections. */
export function formatReportText(report: Report): string {
  let out = `${report.title || `${report.agency}${report.year}年政府信息公开工作年度报告`}\n`;
  out += `机关：${report.agency}　年度：${report.year}　统计期限：${report.period ? `${report.period.start} 至 ${report.period.end}` : '（未写明）'}　发布日期：${report.publishedOn ?? '（未注明）'}　格式：${FORMAT_VERSION_LABELS[report.formatVersion]}\n\n`;
  out += '一、总体情况\n';
  out += `${report.sections.overview || '（无）'}\n\n`;
  out += '二、主动公开政府信息情况\n';
  out += report.format2019 ? table2Of2019Text(report.format2019.table2) : table2Text(report);
  out += '\n三、收到和处理政府信息公开申请情况\n';
  out += grid(
    [...TABLE3_COLUMNS],
    TABLE3_ROWS.flatMap(({ key, label }) => {
      const other = report.format2019 && table3Group(key) === 'other';
      if (!other) return [[shorten(label, 44), ...report.table3[key].map(show)]];
      // The 2019 format prints （六）其他处理 as one row.
      return key === 'other.noCorrection'
        ? [[TABLE3_2019_OTHER_LABEL, ...report.format2019!.otherHandling.map(show)]]
        : [];
    }),
    44,
  );
  out += '\n四、政府信息公开行政复议、行政诉讼情况\n';
  out += grid(
    [...TABLE4_COLUMNS],
    TABLE4_GROUPS.map(({ key, label }) => [label, ...report.table4[key].map(show)]),
    24,
  );
  const extras = report.extras;
  if (extras && (extras.cells.length > 0 || extras.rows.length > 0)) {
    out += '\n标准格式以外的内容：\n';
    for (const c of extras.cells)
      out += `  ${c.table} ${c.row ?? ''} 第${c.position}个数值：${show(c.value)}\n`;
    for (const r of extras.rows) out += `  ${r.table} 行“${r.label}”：${r.values.map(show).join(' ')}\n`;
  }
  out += `\n五、存在的主要问题及改进情况\n${report.sections.problems || '（无）'}\n\n`;
  out += `六、其他需要报告的事项\n${report.sections.other || '（无）'}\n`;
  return out;
}
