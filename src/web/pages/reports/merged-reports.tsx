import { Card, Table } from 'antd';
import type { ReactNode } from 'react';
import type { ReportList } from '../../api/types.ts';

type MergedReport = ReportList['mergedReports'][number];

/** A count the report left blank is 未填, never 0. */
const count = (n: number | null) => (n === null ? '未填' : n);

/** The public reading of a report, in a new tab (the officer's view). */
const readOnline = (r: MergedReport) => (
  <a
    href={`/api/public/reports/${encodeURIComponent(r.reportId)}/document?format=html`}
    target="_blank"
    rel="noreferrer"
  >
    在线阅读
  </a>
);

/**
 * The published reports of the agencies merged into this one (机构改革): part of its history.
 * `open` links a report (default: its public reading).
 */
export function MergedReports(props: { reports: MergedReport[]; open?: (r: MergedReport) => ReactNode }) {
  const open = props.open ?? readOnline;
  if (props.reports.length === 0) return null;
  return (
    <Card size="small" title="并入本机关的机关已发布的年度报告" role="region" aria-label="并入机关的年度报告">
      <Table<MergedReport>
        rowKey="reportId"
        size="small"
        pagination={false}
        dataSource={props.reports}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '机关', dataIndex: 'agencyName' },
          { title: '并入日期', dataIndex: 'mergedOn', render: (d: string | null) => d ?? '—' },
          { title: '年度', dataIndex: 'year', render: (y: number) => `${y}年度` },
          { title: '发布日期', dataIndex: 'publishedOn', render: (d: string | null) => d ?? '发布日期不详' },
          { title: '新收申请', dataIndex: 'newReceived', render: count },
          { title: '办结', dataIndex: 'totalConcluded', render: count },
          { title: '结转下年度', dataIndex: 'carriedForward', render: count },
          {
            title: '报告',
            key: 'read',
            render: (_: unknown, r) => open(r),
          },
        ]}
      />
    </Card>
  );
}
