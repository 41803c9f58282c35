import type { ExtraCell, Report } from '../../src/core/report/schema.ts';
import { type GridCell, type TableGrid, table3Grid, table4Grid } from '../../src/core/report/table-grids.ts';
import { tableHtml } from '../../src/documents/render/html-table.ts';
import { renderHtml } from '../../src/documents/render/render-html.ts';

/**
 * The report as its agency printed it: renderHtml prints the official form only and leaves out
 * the cells a report printed beyond it (`report.extras`, e.g. seed 000's eighth value in two rows
 * of table 三, seed 004's sixteenth value in table 四); here tables 三 and 四 gain one column per
 * extra position, blank where a row printed nothing there, so that a scan of the page shows the
 * report's own defects (DOMAIN.md §E) as the agency printed them.
 */
export function printedReportHtml(report: Report): string {
  const html = renderHtml(report);
  const extras = report.extras?.cells ?? [];
  if (extras.length === 0) return html;
  return html
    .replace(/<table class="gk-table gk-table3"[\s\S]*?<\/table>/, () =>
      tableHtml(
        withExtraColumns(
          table3Grid(report),
          extras.filter((c) => c.table === 'table3'),
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
