import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { formatCell } from './format-cell.ts';
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from './labels.ts';
import type { Cell, Report } from './schema.ts';
import { type CellRef, table2Grid, table3Grid, table4Grid } from './table-grids.ts';

/** The value a reference points at, read from the report independently of the grid code. */
function valueAt(report: Report, ref: CellRef): Cell {
  if (ref.table === 'table3') {
    return (
      report.table3[ref.rowKey as keyof Report['table3']][TABLE3_COLUMNS.indexOf(ref.column as never)] ?? NaN
    );
  }
  if (ref.table === 'table4') {
    return (
      report.table4[ref.rowKey as keyof Report['table4']][TABLE4_COLUMNS.indexOf(ref.column as never)] ?? NaN
    );
  }
  const field = report.table2[ref.rowKey as keyof Report['table2']];
  if (typeof field === 'object' && field !== null) {
    const byColumn: Record<string, Cell> = {
      本年制发件数: field.issued,
      本年废止件数: field.repealed,
      现行有效件数: field.inForce,
    };
    return byColumn[ref.column] ?? NaN;
  }
  return field;
}

describe('table grids', () => {
  it.each([1, 2, 3, 4, 5])('point every number cell at the value it prints (report %i)', (seed) => {
    const report = generateValidReport(seed);
    for (const grid of [table2Grid(report), table3Grid(report), table4Grid(report)]) {
      const numbers = [...grid.headerRows, ...grid.bodyRows].flat().filter((c) => c.kind === 'number');
      expect(numbers.length).toBe({ table2: 10, table3: 25 * 7, table4: 15 }[grid.id as 'table2']);
      for (const cell of numbers) {
        expect(cell.ref?.table).toBe(grid.id);
        expect({ ref: cell.ref, text: cell.text }).toEqual({
          ref: cell.ref,
          text: formatCell(valueAt(report, cell.ref!)),
        });
      }
      const refs = numbers.map((c) => JSON.stringify(c.ref));
      expect(new Set(refs).size).toBe(refs.length);
    }
  });
});
