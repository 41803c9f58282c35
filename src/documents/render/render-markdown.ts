import {
  TABLE2_2019_LABELS as L19,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ITEMS,
  TABLE2_2019_ROW_LABELS,
  TABLE3_2019_OTHER_LABEL,
} from '../../core/report/format-2019.ts';
import { formatCell } from '../../core/report/format-cell.ts';
import {
  TABLE2_LABELS as L2,
  TABLE3_COLUMNS,
  TABLE3_LEGAL_PERSON_HEADER,
  TABLE3_NOTE,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table3Group,
} from '../../core/report/labels.ts';
import type { Cell, Report, Table2Of2019 } from '../../core/report/schema.ts';
import {
  APPENDIX_CAPTION,
  APPENDIX_COLUMNS,
  APPENDIX_EMPTY,
  appendixRows,
  type RenderOptions,
} from './findings-appendix.ts';
import { type NarrativeBlock, reportTitle, type SectionBody, sectionPlan } from './report-outline.ts';

/**
 * An inline link whose target is an http(s) address (label without brackets, target without spaces
 * or parentheses), or any other opening bracket.
 */
const LINK_OR_BRACKET = /\[[^[\]\n]*\]\(https?:\/\/[^\s()<>]+\)|\[/gi;

/**
 * Inline text: characters that would start emphasis, code or raw HTML are escaped. Links stay
 * links only when they lead to an http(s) address; any other bracket is escaped, so that
 * `[x](javascript:…)`, `[x](data:…)`, reference links and their definitions are plain text.
 */
function mdText(text: string): string {
  return text
    .replace(/[\\`*_<]/g, '\\$&')
    .replace(LINK_OR_BRACKET, (match) => (match === '[' ? '\\[' : match));
}

/** A paragraph must not start a heading, quote, list or rule by accident. */
function mdParagraph(text: string): string {
  const escaped = mdText(text);
  return escaped.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}

const mdCell = (text: string): string => mdText(text).replace(/\|/g, '\\|');

function pipeTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function blockMd(block: NarrativeBlock): string {
  if (block.kind === 'heading') return `### ${mdText(block.text)}`;
  return block.lead ? `**${mdText(block.lead)}**${mdText(block.text)}` : mdParagraph(block.text);
}

const v = (cell: Cell): string => formatCell(cell);

/** The 2019 format's table 二: one pipe table per item, each with its own columns. */
function table2Of2019Md(table: Table2Of2019): string {
  return TABLE2_2019_ITEMS.flatMap((item) => {
    const columns = TABLE2_2019_COLUMNS[item.kind];
    const rows = item.rows.map((key) => {
      const row = table[key] as Record<string, Cell>;
      return [TABLE2_2019_ROW_LABELS[key], ...columns.map((c) => v(row[c] ?? null))];
    });
    return [`**${item.caption}**`, pipeTable([L19.contentHeader, ...columns.map((c) => L19[c])], rows)];
  }).join('\n\n');
}

function table2Md(report: Report): string {
  if (report.format2019) return table2Of2019Md(report.format2019.table2);
  const t = report.table2;
  const stock = [L2.contentHeader, L2.issued, L2.repealed, L2.inForce];
  const decisions = [L2.contentHeader, L2.decisions];
  return [
    `**${L2.item1}**`,
    pipeTable(stock, [
      [L2.regulations, v(t.regulations.issued), v(t.regulations.repealed), v(t.regulations.inForce)],
      [
        L2.normativeDocuments,
        v(t.normativeDocuments.issued),
        v(t.normativeDocuments.repealed),
        v(t.normativeDocuments.inForce),
      ],
    ]),
    `**${L2.item5}**`,
    pipeTable(decisions, [[L2.licensing, v(t.licensing)]]),
    `**${L2.item6}**`,
    pipeTable(decisions, [
      [L2.punishment, v(t.punishment)],
      [L2.coercion, v(t.coercion)],
    ]),
    `**${L2.item8}**`,
    pipeTable([L2.contentHeader, L2.feesAmount], [[L2.fees, v(t.feesWanYuan)]]),
  ].join('\n\n');
}

/** Merged headers are flattened: "法人或其他组织 商业企业", as TABLE4_GROUP_LABELS does for table 四. */
function table3Md(report: Report): string {
  const columns = TABLE3_COLUMNS.map((c, i) => (i >= 1 && i <= 5 ? `${TABLE3_LEGAL_PERSON_HEADER} ${c}` : c));
  const format2019 = report.format2019;
  const rows = TABLE3_ROWS.flatMap(({ key, label }) => {
    // The 2019 format prints （六）其他处理 as one row in place of its three items.
    if (!format2019 || table3Group(key) !== 'other') return [[label, ...report.table3[key].map(v)]];
    return key === 'other.noCorrection'
      ? [[TABLE3_2019_OTHER_LABEL, ...format2019.otherHandling.map(v)]]
      : [];
  });
  return pipeTable([TABLE3_NOTE, ...columns], rows);
}

/** Table 四 turned on its side (one row per group) so that it stays readable in plain text. */
function table4Md(report: Report): string {
  const rows = TABLE4_GROUPS.map(({ key, label }) => [label, ...report.table4[key].map(v)]);
  return pipeTable(['', ...TABLE4_COLUMNS], rows);
}

function bodyMd(report: Report, body: SectionBody): string {
  switch (body.kind) {
    case 'narrative':
      return body.blocks.map(blockMd).join('\n\n');
    case 'table2':
      return table2Md(report);
    case 'table3':
      return table3Md(report);
    case 'table4':
      return table4Md(report);
  }
}

/**
 * The report as Markdown for review in plain text: title, the six sections as `## 一、总体情况` …,
 * tables as pipe tables with full row labels. A blank cell (`null`) stays empty, never 0; cells a
 * source document printed beyond the format (`report.extras`) are not rendered.
 */
export function renderMarkdown(report: Report, options: RenderOptions = {}): string {
  const parts = [`# ${mdText(reportTitle(report).full)}`];
  for (const section of sectionPlan(report)) {
    parts.push(`## ${section.caption}`);
    const body = bodyMd(report, section.body);
    if (body) parts.push(body);
  }
  if (options.findings) {
    parts.push(`## ${APPENDIX_CAPTION}`);
    const rows = appendixRows(options.findings);
    parts.push(rows.length === 0 ? APPENDIX_EMPTY : pipeTable(APPENDIX_COLUMNS, rows));
  }
  return `${parts.join('\n\n')}\n`;
}
