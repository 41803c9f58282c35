import {
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ITEMS,
  TABLE2_2019_LABELS,
  TABLE2_2019_ROW_LABELS,
  TABLE2_2019_ROWS,
  type Table2Of2019Kind,
  type Table2Of2019RowKey,
  table2Of2019RowConsistent,
} from '../../../core/report/format-2019.ts';
import { compact } from '../../../core/report/normalize-text.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { violation } from '../../../core/rules/make-finding.ts';
import { TABLE2_2019_VARIANTS } from '../interpret/read-table2-2019.ts';
import type { SourceLine } from '../source-document.ts';

/**
 * Table 二 of the 2019 format (国办公开办函〔2019〕60号) in concatenated crawled text
 * ("规范性文件3327第二十条第(五)项…行政许可121356其他对外管理服务事项5-148"). The form has no
 * arithmetic; a row's run is split by the shape of its cells (counts without leading zeros, a sign
 * only on 本年增/减, a decimal point only in 采购总金额) and by what its columns mean (T2-06). A run
 * with more than one such split is not guessed: its cells are blank, and a finding names the candidates.
 */

const norm = (text: string): string => compact(text).replace(/["“”「」『』]/g, '"');

type Column = (typeof TABLE2_2019_COLUMNS)[Table2Of2019Kind][number];
const CELL: Record<Column, RegExp> = {
  made: /^(0|[1-9]\d{0,6})/,
  published: /^(0|[1-9]\d{0,6})/,
  total: /^(0|[1-9]\d{0,6})/,
  previous: /^(0|[1-9]\d{0,6})/,
  decisions: /^(0|[1-9]\d{0,6})/,
  projects: /^(0|[1-9]\d{0,6})/,
  change: /^[+-]?(0|[1-9]\d{0,6})/,
  amount: /^(0|[1-9]\d{0,8})(\.\d{1,4})?/,
};
const WHOLE = Object.fromEntries(
  Object.entries(CELL).map(([c, re]) => [c, new RegExp(`${re.source}$`)]),
) as Record<Column, RegExp>;
/** Most splits listed; a run with more is undecided anyway. */
const MAX_CANDIDATES = 20;

/** Every way of reading `run` as the cells of `columns`, each cell a prefix its pattern allows. */
export function splitRow2019(run: string, kind: Table2Of2019Kind): number[][] {
  const columns = TABLE2_2019_COLUMNS[kind];
  const out: number[][] = [];
  const cells: number[] = [];
  const walk = (at: number): void => {
    if (out.length >= MAX_CANDIDATES) return;
    const c = cells.length;
    if (c === columns.length) {
      if (at === run.length && table2Of2019RowConsistent(kind, cells)) out.push([...cells]);
      return;
    }
    const match = CELL[columns[c]!].exec(run.slice(at));
    if (!match) return;
    // Every prefix of the longest match the pattern allows is a possible cell.
    for (let len = 1; len <= match[0].length; len += 1) {
      const text = run.slice(at, at + len);
      if (!WHOLE[columns[c]!].test(text)) continue;
      cells.push(Number(text));
      walk(at + len);
      cells.pop();
    }
  };
  walk(0);
  return out;
}

const LABELS: Record<Table2Of2019RowKey, string[]> = Object.fromEntries(
  TABLE2_2019_ROWS.map(({ key }) => [
    key,
    [TABLE2_2019_ROW_LABELS[key], ...TABLE2_2019_VARIANTS.filter((v) => v.row === key).map((v) => v.printed)]
      .map(norm)
      .sort((a, b) => b.length - a.length),
  ]),
) as Record<Table2Of2019RowKey, string[]>;

/** What an undecided cell is written as in the rebuilt row (a blank marker: the cell is null). */
const UNDECIDED = '—';

/**
 * Reads the 2019 table 二 out of section 二's concatenated text into rows (label + cells) the
 * interpreter reads like any table, preceded by each item's caption so the format is recognised.
 */
export function readTable2Of2019Concatenated(
  body: string,
  lines: SourceLine[],
  findings: Finding[],
  note: string,
): void {
  let from = 0;
  for (const item of TABLE2_2019_ITEMS) {
    lines.push({ cells: [item.caption], inTable: false, line: 1 });
    for (const key of item.rows) {
      const kind = TABLE2_2019_ROWS.find((r) => r.key === key)!.kind;
      const width = TABLE2_2019_COLUMNS[kind].length;
      const hits = LABELS[key]
        .map((label) => ({ label, at: body.indexOf(label, from) }))
        .filter((h) => h.at >= 0);
      if (hits.length === 0) continue;
      const first = Math.min(...hits.map((h) => h.at));
      const label = hits.find((h) => h.at === first)!.label; // the longest label printed there
      from = first + label.length;
      const run = /^[\d.+\-/／—]*/.exec(body.slice(from))![0];
      from += run.length;
      const rowLabel = TABLE2_2019_ROW_LABELS[key];
      const line = (cells: string[], split: boolean): SourceLine => ({
        cells: [label, ...cells],
        inTable: true,
        line: 1,
        table: 0,
        ...(split ? { note } : {}),
      });
      if (new RegExp(`^[/／—-]{${width}}$`).test(run)) {
        lines.push(line([...run], false));
        continue;
      }
      const candidates = splitRow2019(run, kind);
      if (candidates.length === 1) {
        lines.push(line(candidates[0]!.map(String), true));
        continue;
      }
      lines.push(line(Array<string>(width).fill(UNDECIDED), false));
      const columns = TABLE2_2019_COLUMNS[kind].map((c) => TABLE2_2019_LABELS[c]).join('、');
      const listed = candidates
        .slice(0, 5)
        .map((c) => c.join('、'))
        .join('；');
      findings.push(
        violation(
          'T2-05',
          `表二“${rowLabel}”行的数字连在一起（“${run}”），无法唯一拆分为${columns}，按空白处理；${
            candidates.length === 0
              ? '没有符合该行各列含义的拆分'
              : `可能的拆分：${listed}${candidates.length > 5 ? ' 等' : ''}`
          }`,
          { table: 'table2', rowLabel, source: { line: 1, text: `${label}${run}` } },
          'warning',
        ),
      );
    }
  }
}
