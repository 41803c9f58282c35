import { Grid, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  FORMAT_VERSION_LABELS,
  type FormatVersion,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ITEMS,
  TABLE2_2019_LABELS,
  TABLE2_2019_ROW_LABELS,
  TABLE2_2019_ROWS,
} from '../../../core/report/format-2019.ts';
import { formatCell } from '../../../core/report/format-cell.ts';
import type { Cell } from '../../../core/report/schema.ts';
import type { RegionHistory } from './overview-types.ts';

type HistoryYear = RegionHistory['years'][number];

interface Line {
  key: string;
  item: string;
  row: string;
  column: string;
  /** The first line of its item / row: where the merged caption cells start, and how many lines they span. */
  itemSpan: number;
  rowSpan: number;
  cell: (t: NonNullable<HistoryYear['table2Of2019']>) => Cell;
}

/** Table 二 of the 2019 format (国办公开办函〔2019〕60号) one line per cell, in the form's order. */
const LINES: Line[] = TABLE2_2019_ITEMS.flatMap((item) => {
  const kindOf = (key: string) => TABLE2_2019_ROWS.find((r) => r.key === key)!.kind;
  const itemLines = item.rows.reduce((n, key) => n + TABLE2_2019_COLUMNS[kindOf(key)].length, 0);
  return item.rows.flatMap((key, r) =>
    TABLE2_2019_COLUMNS[kindOf(key)].map(
      (column, c): Line => ({
        key: `${key}.${column}`,
        item: item.caption,
        row: TABLE2_2019_ROW_LABELS[key],
        column: TABLE2_2019_LABELS[column],
        itemSpan: r === 0 && c === 0 ? itemLines : 0,
        rowSpan: c === 0 ? TABLE2_2019_COLUMNS[kindOf(key)].length : 0,
        cell: (t) => ((t[key] as Record<string, Cell>)[column] ?? null) as Cell,
      }),
    ),
  );
});

const SHORT_FORMAT: Record<FormatVersion, string> = { '2021': '2021年格式', '2019': '2019年格式' };

/** What a year's column holds: the 2019 format's cells, or one note for the whole column. */
function yearNote(entry: HistoryYear | undefined): string | null {
  if (!entry || entry.reports === 0) return '无数据';
  if (entry.table2Of2019) return null;
  return '该年报告为2021年格式，表二的行列不同，不折算为2019年格式';
}

/**
 * The region's table 二 year by year for the years of the 2019 format, in that format's own rows
 * and columns; a year of the 2021 format stands beside them with its format named and nothing
 * mapped between the two; a year without reports says 无数据.
 */
export function HistoryTable2Of2019({ history, years }: { history: RegionHistory; years: number[] }) {
  const byYear = new Map(history.years.map((y) => [y.year, y]));
  // On a phone the three label columns are one, kept in view while the years scroll.
  const narrow = Grid.useBreakpoint().md === false;
  if (!history.years.some((y) => y.table2Of2019)) return null;
  const labels: ColumnsType<Line> = narrow
    ? [
        {
          title: '项目',
          key: 'label',
          fixed: 'left',
          width: 132,
          render: (_: unknown, l: Line) => (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <span>{l.item}</span> <span>{l.row}</span>
              </Typography.Text>
              <br />
              <span>{l.column}</span>
            </>
          ),
        },
      ]
    : [
        { title: '项目', dataIndex: 'item', onCell: (l) => ({ rowSpan: l.itemSpan }) },
        { title: '信息内容', dataIndex: 'row', onCell: (l) => ({ rowSpan: l.rowSpan }) },
        { title: '统计项', dataIndex: 'column' },
      ];
  const columns: ColumnsType<Line> = [
    ...labels,
    ...years.map((year) => {
      const entry = byYear.get(year);
      const note = yearNote(entry);
      return {
        title: (
          <span>
            {year}年
            <br />
            {(entry?.formatVersions ?? []).map((v) => (
              <Tag key={v} title={FORMAT_VERSION_LABELS[v]} color={v === '2019' ? 'blue' : 'default'}>
                {SHORT_FORMAT[v]}
              </Tag>
            ))}
          </span>
        ),
        key: String(year),
        align: note ? ('center' as const) : ('right' as const),
        onCell: (l: Line, index?: number) =>
          note ? { rowSpan: index === 0 ? LINES.length : 0 } : { 'data-cell': `${year}.${l.key}` },
        render: (_: unknown, l: Line) => {
          if (note) return <Typography.Text type="secondary">{note}</Typography.Text>;
          const value = l.cell(entry!.table2Of2019!);
          return value === null ? (
            <Typography.Text type="secondary" title="有报告此处空白，合计不详">
              空白
            </Typography.Text>
          ) : (
            formatCell(value)
          );
        },
      };
    }),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        2019、2020年度的报告多按2019年格式（国办公开办函〔2019〕60号）填报，表二的行列与2021年格式不同，按原格式逐项合计；同一年有两种格式时，此处只合计2019年格式的报告。
      </Typography.Paragraph>
      <Table<Line>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={LINES}
        columns={columns}
        scroll={{ x: 'max-content' }}
        aria-label="近年表二（2019年格式）"
      />
    </>
  );
}
