import {
  TABLE2_2019_LABELS as L,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ITEMS,
  TABLE2_2019_ROW_LABELS,
} from './format-2019.ts';
import { formatCell } from './format-cell.ts';
import type { Cell, Table2Of2019 } from './schema.ts';
import type { GridCell, TableGrid } from './table-grids.ts';

/**
 * Table 二 of the 2019 format (国办公开办函〔2019〕60号) as on its form: five blocks
 * (第二十条第（一）（五）（六）（八）（九）项), each with its caption row and its own 信息内容 header;
 * rows of two values let the last one span the remaining two columns.
 */
export function table2Of2019Grid(table: Table2Of2019): TableGrid {
  const bodyRows: GridCell[][] = [];
  for (const item of TABLE2_2019_ITEMS) {
    const columns = TABLE2_2019_COLUMNS[item.kind];
    const wide = (i: number) => (columns.length === 2 && i === 1 ? { colSpan: 2 } : {});
    bodyRows.push([{ kind: 'caption', text: item.caption, colSpan: 4 }]);
    bodyRows.push([
      { kind: 'header', text: L.contentHeader },
      ...columns.map((c, i): GridCell => ({ kind: 'header', text: L[c], ...wide(i) })),
    ]);
    for (const key of item.rows) {
      const row = table[key] as Record<string, Cell>;
      bodyRows.push([
        { kind: 'label', text: TABLE2_2019_ROW_LABELS[key] },
        ...columns.map(
          (c, i): GridCell => ({
            kind: 'number',
            text: formatCell(row[c] ?? null),
            ref: { table: 'table2', rowKey: key, column: L[c] },
            ...wide(i),
          }),
        ),
      ]);
    }
  }
  return { id: 'table2', columnsMm: [48, 36, 36, 36], headerRows: [], bodyRows };
}
