import type { Table3RowKey } from '../../src/core/report/labels.ts';
import type { ExtraCell, Report } from '../../src/core/report/schema.ts';
import { type GridCell, type TableGrid, table3Grid, table4Grid } from '../../src/core/report/table-grids.ts';
import { tableHtml } from '../../src/documents/render/html-table.ts';
import { renderHtml } from '../../src/documents/render/render-html.ts';

/**
 * The report as its agency printed it: renderHtml prints the official form only and leaves out
 * the cells a report printed beyond it (`report.extras`, e.g. seed 000's eighth value in two rows
 * of table 三, seed 004's sixteenth value in table 四); here tables 三 and 四 gain one column per
 * extra position, blank where a row printed nothing there, so that a scan of the page shows the
 * report's own defects (DOMAIN.md §E) as the agency printed them. `printedLabels`: table 三's rows
 * whose caption the report printed otherwise than the form (seed 003's “2.其他法律法规禁止公开”).
 */
export function printedReportHtml(report: Report, printedLabels: PrintedLabels = {}): string {
  const html = renderHtml(report);
  const extras = report.extras?.cells ?? [];
  if (extras.length === 0 && Object.keys(printedLabels).length === 0) return html;
  return html
    .replace(/<table class="gk-table gk-table3"[\s\S]*?<\/table>/, () =>
      tableHtml(
        withCaptions(
          withExtraColumns(
            table3Grid(report),
            extras.filter((c) => c.table === 'table3'),
          ),
          printedLabels,
        ),
      ),
    )
    .replace(/<table class="gk-table gk-table4"[\s\S]*?<\/table>/, () =>
      tableHtml(
        withExtraColumns(
          table4Grid(report),
          extras.filter((c) => c.table === 'table4'),
        ),
      ),
    );
}

/** Table 三's item captions as a report printed them, where they differ from the form's. */
export type PrintedLabels = Partial<Record<Table3RowKey, string>>;

/** The grid with the caption of each row in `labels` (its last label cell) printed as given. */
function withCaptions(grid: TableGrid, labels: PrintedLabels): TableGrid {
  const bodyRows = grid.bodyRows.map((row) => {
    const key = row.find((cell) => cell.ref)?.ref?.rowKey as Table3RowKey | undefined;
    const printed = key ? labels[key] : undefined;
    const at = row.findIndex((cell) => cell.ref);
    if (printed === undefined || at < 1) return row;
    return row.map((cell, i) => (i === at - 1 ? { ...cell, text: printed } : cell));
  });
  return { ...grid, bodyRows };
}

/**
 * The grid with a column after the last for each extra position, its header blank over every
 * header row; table 三's extra cells stand in the row of their key, table 四's in its one data row.
 */
function withExtraColumns(grid: TableGrid, extras: readonly ExtraCell[]): TableGrid {
  const positions = [...new Set(extras.map((c) => c.position))].sort((a, b) => a - b);
  if (positions.length === 0) return grid;
  const width = grid.columnsMm.at(-1)!;
  const blank = (kind: GridCell['kind']): GridCell => ({ kind, text: '' });
  const headerRows = grid.headerRows.map((row, i) =>
    i === 0
      ? [...row, ...positions.map(() => ({ ...blank('header'), rowSpan: grid.headerRows.length }))]
      : row,
  );
  const bodyRows = grid.bodyRows.map((row) => {
    const key = row.find((cell) => cell.ref)?.ref?.rowKey;
    const added = positions.map((position) => {
      const cell = extras.find((c) => c.position === position && (grid.id === 'table4' || c.row === key));
      return cell && cell.value !== null
        ? { kind: 'number' as const, text: String(cell.value) }
        : blank('number');
    });
    return [...row, ...added];
  });
  return {
    ...grid,
    columnsMm: [...grid.columnsMm, ...positions.map(() => width)],
    headerRows,
    bodyRows,
  };
}
