import { Tooltip } from 'antd';
import { TABLE_CAPTIONS, TABLE2_LABELS, TABLE4_GROUP_LABELS } from '../../../core/report/labels.ts';
import type { Report } from '../../../core/report/schema.ts';
import {
  type GridCell,
  type TableGrid,
  table2Grid,
  table3Grid,
  table4Grid,
} from '../../../core/report/table-grids.ts';
import type { Finding } from '../../api/types.ts';

/** How the rules name a row of tables 二 and 四 in findings (table 三 findings carry the row key). */
function rowLabelOf(table: string, rowKey: string): string | undefined {
  if (table === 'table2') {
    const key = (rowKey === 'feesWanYuan' ? 'fees' : rowKey) as keyof typeof TABLE2_LABELS;
    return TABLE2_LABELS[key];
  }
  if (table === 'table4') return TABLE4_GROUP_LABELS[rowKey as keyof typeof TABLE4_GROUP_LABELS];
  return undefined;
}

/** The findings that concern a number cell: same table and row, and its column (or the whole row). */
export function findingsOfCell(cell: GridCell, findings: Finding[]): Finding[] {
  const ref = cell.ref;
  if (!ref) return [];
  const label = rowLabelOf(ref.table, ref.rowKey);
  return findings.filter((f) => {
    const l = f.location;
    if (l.table !== ref.table) return false;
    const sameRow = l.rowKey === ref.rowKey || (label !== undefined && l.rowLabel === label);
    if (!sameRow) return false;
    return !l.columns || l.columns.length === 0 || l.columns.includes(ref.column);
  });
}

const BORDER = '1px solid #595959';

function Cell({ cell, findings }: { cell: GridCell; findings: Finding[] }) {
  const own = findingsOfCell(cell, findings);
  const worst = own.some((f) => f.severity === 'error') ? 'error' : own.length > 0 ? 'warning' : null;
  const style: React.CSSProperties = {
    border: BORDER,
    padding: '2px 4px',
    textAlign: cell.kind === 'number' ? 'right' : cell.kind === 'label' ? 'left' : 'center',
    fontWeight: cell.kind === 'header' || cell.kind === 'caption' ? 600 : 400,
    background: worst === 'error' ? '#fff1f0' : worst === 'warning' ? '#fffbe6' : undefined,
    outline: worst === 'error' ? '2px solid #cf1322' : worst === 'warning' ? '2px solid #d48806' : undefined,
    outlineOffset: -2,
    fontSize: cell.kind === 'note' ? 12 : 13,
  };
  const content = cell.text || (cell.kind === 'number' ? '' : '\u00a0');
  const td = (
    <td
      rowSpan={cell.rowSpan}
      colSpan={cell.colSpan}
      style={style}
      data-cell={cell.ref ? `${cell.ref.table}.${cell.ref.rowKey}.${cell.ref.column}` : undefined}
      aria-invalid={worst ? true : undefined}
    >
      {content}
    </td>
  );
  if (own.length === 0) return td;
  return <Tooltip title={own.map((f) => `${f.ruleId}：${f.message}`).join('\n')}>{td}</Tooltip>;
}

function Grid({ grid, findings }: { grid: TableGrid; findings: Finding[] }) {
  const rows = [...grid.headerRows, ...grid.bodyRows];
  return (
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      <table
        style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}
        aria-label={TABLE_CAPTIONS[grid.id as keyof typeof TABLE_CAPTIONS]}
      >
        <colgroup>
          {grid.columnsMm.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
            <col key={i} style={{ width: `${w}mm` }} />
          ))}
        </colgroup>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
            <tr key={r}>
              {row.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <Cell key={c} cell={cell} findings={findings} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Tables 二, 三 and 四 as on the official form, with the cells that have findings outlined. */
export function ReportTables({ report, findings }: { report: Report; findings: Finding[] }) {
  return (
    <>
      <h3>{TABLE_CAPTIONS.table2}</h3>
      <Grid grid={table2Grid(report)} findings={findings} />
      <h3>{TABLE_CAPTIONS.table3}</h3>
      <Grid grid={table3Grid(report)} findings={findings} />
      <h3>{TABLE_CAPTIONS.table4}</h3>
      <Grid grid={table4Grid(report)} findings={findings} />
    </>
  );
}
