import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Table } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { statisticsResponse } from '../../../server/routes/public/public-reports.schema.ts';
import { api, messageOf } from '../../api/client.ts';
import { RegionSelect } from '../../components/region-select.tsx';
import { YearInput } from '../../components/year-input.tsx';
import { useVisibleRegions } from '../region/use-regions.ts';

const Chart = lazy(() => import('../region/charts.tsx'));

type YearStatistics = z.output<typeof statisticsResponse>['years'][number];

/** Statistics pages: a region's applications by applicant type and by outcome, year over year. */
export function StatisticsPage() {
  const { regions, failure: regionFailure } = useVisibleRegions(null);
  const [code, setCode] = useState<string | null>(null);
  const [to, setTo] = useState(new Date().getFullYear() - 1);
  const [years, setYears] = useState<YearStatistics[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const from = to - 4;
  const path = code ? `/public/regions/${encodeURIComponent(code)}/statistics?from=${from}&to=${to}` : null;

  useEffect(() => {
    if (!code && regions.length > 0) setCode(regions[0]!.code);
  }, [regions, code]);
  useEffect(() => {
    if (!path) return;
    setFailure(null);
    api
      .get<z.output<typeof statisticsResponse>>(path, { allowUnauthenticated: true })
      .then((r) => setYears(r.years))
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [path]);

  const last = years?.[years.length - 1];
  const trend = useMemo(
    () =>
      years && {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
        yAxis: { type: 'value', name: '件' },
        series: [
          { name: '新收申请', type: 'line', data: years.map((y) => y.receivedTotal) },
          { name: '办结', type: 'line', data: years.map((y) => y.concluded) },
        ],
      },
    [years],
  );
  const outcomes = useMemo(
    () =>
      last && {
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: last.outcomes.map((o) => o.label) },
        yAxis: { type: 'value', name: '件' },
        series: [{ type: 'bar', data: last.outcomes.map((o) => o.count) }],
      },
    [last],
  );
  const applicants = useMemo(
    () =>
      last && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          { type: 'pie', radius: '60%', data: last.received.map((r) => ({ name: r.label, value: r.count })) },
        ],
      },
    [last],
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>依申请公开统计</h1>}>
        <Space wrap>
          <RegionSelect label="地区" regions={regions} value={code} onChange={setCode} />
          <YearInput label="截至年度" min={2012} value={to} onChange={setTo} />
          {path && (
            <Button href={`/api${path}&format=csv`} download>
              下载数据（CSV）
            </Button>
          )}
        </Space>
        <p style={{ color: '#666', marginTop: 12 }}>
          数据为本地区各机关已发布的最新年度报告之和（{from}—{to}年）。
        </p>
      </Card>
      {(failure || regionFailure) && (
        <Alert type="error" showIcon title={failure ?? regionFailure} role="alert" />
      )}
      {years && (
        <Suspense fallback={<Spin />}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="历年新收与办结">
                {trend && <Chart option={trend} label="历年新收申请与办结数量" />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={`${last?.year}年办理结果`}>
                {last && emptyReason(last, last.outcomes) ? (
                  <Empty description={emptyReason(last, last.outcomes)} />
                ) : (
                  outcomes && <Chart option={outcomes} label="办理结果分布" />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={`${last?.year}年申请人类型`}>
                {last && emptyReason(last, last.received) ? (
                  <Empty description={emptyReason(last, last.received)} />
                ) : (
                  applicants && <Chart option={applicants} label="申请人类型分布" />
                )}
              </Card>
            </Col>
          </Row>
        </Suspense>
      )}
      {years && (
        <Table<YearStatistics>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={years}
          aria-label="历年统计表"
          className="nowrap-headers"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '报告数', dataIndex: 'reports' },
            {
              title: '新收申请',
              key: 'receivedTotal',
              render: (_: unknown, y: YearStatistics) => shown(y, y.receivedTotal),
            },
            ...(years[0]?.outcomes ?? []).map((o, i) => ({
              title: o.label,
              key: o.key,
              render: (_: unknown, y: YearStatistics) => shown(y, y.outcomes[i]?.count ?? null),
            })),
            {
              title: '办结',
              key: 'concluded',
              render: (_: unknown, y: YearStatistics) => shown(y, y.concluded),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** A count as the table shows it: 无数据 for a year without any report, — for a blank cell. */
function shown(y: YearStatistics, count: number | null): string | number {
  if (y.reports === 0) return '无数据';
  return count ?? '—';
}

/** Why a chart of the year would be empty (drawn as six equal slices otherwise), or null to draw it. */
function emptyReason(y: YearStatistics, counts: readonly { count: number | null }[]): string | null {
  if (y.reports === 0) return `${y.year}年无数据：本地区尚无已发布的年度报告`;
  const total = counts.reduce((n, c) => n + (c.count ?? 0), 0);
  return total === 0 ? `${y.year}年无申请` : null;
}
