import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { GridCell, TableGrid } from '../../core/report/table-grids.ts';
import { DOCX_SIZES, fontRun, mm, textRun } from './docx-style.ts';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

function cellParagraph(cell: GridCell, keepNext: boolean): Paragraph {
  const left = cell.kind === 'label' || cell.kind === 'note';
  return new Paragraph({
    alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
    keepNext,
    run: fontRun('table', DOCX_SIZES.table),
    children: cell.text ? [textRun(cell.text, 'table', DOCX_SIZES.table, cell.kind === 'caption')] : [],
  });
}

/**
 * A grid as a Word table with real merges: `columnSpan` writes w:gridSpan and `rowSpan` writes
 * w:vMerge restart/continue (the docx package inserts the continuation cells in the rows below).
 * Header rows repeat on every page and stay with the first body row; no row splits across pages.
 */
export interface DocxTableOptions {
  /** Keep the whole table on one page (table 二, table 四): keep-with-next on every row but the last. */
  keepTogether?: boolean;
  /** Keep the last rows together so a page never starts with one orphan row (table 三). */
  keepLastRows?: number;
}

export function docxTable(grid: TableGrid, options: DocxTableOptions = {}): Table {
  const widths = grid.columnsMm.map(mm);
  const total = grid.headerRows.length + grid.bodyRows.length;
  const keepFrom = options.keepTogether ? 0 : total - (options.keepLastRows ?? 1);
  const rowsOf = (rows: GridCell[][], header: boolean, offset: number) => {
    return rows.map((row, r) => {
      const index = offset + r;
      const keepNext = header || (index >= keepFrom && index < total - 1);
      return new TableRow({
        ...(header ? { tableHeader: true } : {}),
        cantSplit: true,
        children: row.map(
          (cell) =>
            new TableCell({
              children: [cellParagraph(cell, keepNext)],
              columnSpan: cell.colSpan,
              rowSpan: cell.rowSpan,
              verticalAlign: VerticalAlignTable.CENTER,
              ...(cell.kind === 'caption'
                ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } }
                : {}),
            }),
        ),
      });
    });
  };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { top: mm(0.6), bottom: mm(0.6), left: mm(0.6), right: mm(0.6) },
    rows: [...rowsOf(grid.headerRows, true, 0), ...rowsOf(grid.bodyRows, false, grid.headerRows.length)],
  });
}
