import { Card, Table } from 'antd';
import type { ReportList } from '../../api/types.ts';

type MergedReport = ReportList['mergedReports'][number];

/** A count the report left blank is 未填, never 0. */
const count = (n: number | null) => (n === null ? '未填' : n);

/** The published reports of the agencies merged into this one (机构改革): part of its history. */
export function MergedReports(props: { reports: MergedReport[] }) {
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
            render: (_: unknown, r) => (
              <a
                href={`/api/public/reports/${encodeURIComponent(r.reportId)}/document?format=html`}
                target="_blank"
                rel="noreferrer"
              >
                在线阅读
              </a>
            ),
          },
        ]}
      />
    </Card>
  );
}
