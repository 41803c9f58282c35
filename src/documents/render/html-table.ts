import type { GridCell, TableGrid } from '../../core/report/table-grids.ts';
import { escapeHtml } from './escape-html.ts';

const CELL_CLASS: Record<GridCell['kind'], string> = {
  note: 'gk-note',
  header: 'gk-head',
  caption: 'gk-caption',
  label: 'gk-label',
  number: 'gk-num',
};

function cellHtml(cell: GridCell): string {
  const tag = cell.kind === 'label' || cell.kind === 'number' ? 'td' : 'th';
  const rowSpan = cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : '';
  const colSpan = cell.colSpan ? ` colspan="${cell.colSpan}"` : '';
  const scope = cell.kind === 'header' ? (cell.colSpan ? ' scope="colgroup"' : ' scope="col"') : '';
  return `<${tag} class="${CELL_CLASS[cell.kind]}"${rowSpan}${colSpan}${scope}>${escapeHtml(cell.text)}</${tag}>`;
}

const rowHtml = (row: GridCell[]): string => `<tr>${row.map(cellHtml).join('')}</tr>`;

/**
 * `border="1"` and `cellspacing="0"` keep the grid visible when a CMS strips the <style> block on
 * paste; the stylesheet, when kept, overrides them.
 */
export function tableHtml(grid: TableGrid): string {
  const total = grid.columnsMm.reduce((a, b) => a + b, 0);
  const cols = grid.columnsMm.map((mm) => `<col style="width:${((mm / total) * 100).toFixed(2)}%">`).join('');
  const head = grid.headerRows.length > 0 ? `<thead>${grid.headerRows.map(rowHtml).join('')}</thead>` : '';
  return (
    `<table class="gk-table gk-${grid.id}" border="1" cellspacing="0">` +
    `<colgroup>${cols}</colgroup>${head}<tbody>${grid.bodyRows.map(rowHtml).join('\n')}</tbody></table>`
  );
}
