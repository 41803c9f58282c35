import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Report } from '../../../core/report/schema.ts';
import { FIRST_WORK_YEAR } from '../../../core/work-records/work-record-schemas.ts';
import { api, download, messageOf, saveFile } from '../../api/client.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { RegionSelect } from '../../components/region-select.tsx';
import { ScanTag } from '../../components/scan-tag.tsx';
import { YearInput } from '../../components/year-input.tsx';
import { useSession } from '../../layout/session.tsx';
import { ReportTables } from '../reports/report-tables.tsx';
import { RegionConventionsTab } from './conventions-tab.tsx';
import { HistoryTable2Of2019 } from './history-table2-2019.tsx';
import { MergedNote } from './merged-note.tsx';
import {
  type PublicationStatus,
  percent,
  type RegionHistory,
  type RegionOverview,
  STATUS_TAGS,
} from './overview-types.ts';
import { useVisibleRegions } from './use-regions.ts';
import { RegionWorkTab } from './work-tab.tsx';

const Chart = lazy(() => import('./charts.tsx'));

/** The supervising office's view of a region and a year: who published, late, missing; totals; findings. */
export function RegionDashboardPage() {
  const session = useSession();
  const { regions, failure: regionFailure } = useVisibleRegions(
    session.user.role === 'admin' ? null : session.user.regionId,
  );
  const [code, setCode] = useState<string | null>(null);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [status, setStatus] = useState<PublicationStatus | ''>('');
  const [overview, setOverview] = useState<RegionOverview | null>(null);
  const [history, setHistory] = useState<RegionHistory | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tab, setTab] = useState('reports');

  useEffect(() => {
    if (code || regions.length === 0) return;
    setCode((regions.find((r) => r.id === session.user.regionId) ?? regions[0])!.code);
  }, [regions, code, session.user.regionId]);

  useEffect(() => {
    if (!code) return;
    // Answers for a region or year no longer shown (typing 2024 asks for 2, 20, 202 first) are dropped.
    let current = true;
    setLoading(true);
    setFailure(null);
    Promise.all([
      api.get<RegionOverview>(`/region/regions/${encodeURIComponent(code)}/years/${year}`),
      api.get<RegionHistory>(
        `/region/regions/${encodeURIComponent(code)}/history?from=${year - 4}&to=${year}`,
      ),
    ])
      .then(([o, h]) => {
        if (!current) return;
        setOverview(o);
        setHistory(h);
      })
      .catch((e: unknown) => {
        if (current) setFailure(messageOf(e));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [code, year]);

  const totalsReport = useMemo(
    () =>
      overview
        ? ({ ...overview.totals, sections: { overview: '', problems: '', other: '' } } as unknown as Report)
        : null,
    [overview],
  );
  const statusChart = useMemo(
    () =>
      overview && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: (Object.keys(STATUS_TAGS) as PublicationStatus[]).map((s) => ({
              name: STATUS_TAGS[s].label,
              value: overview.counts[s],
            })),
          },
        ],
      },
    [overview],
  );
  const historyChart = useMemo(
    () =>
      history && {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        xAxis: { type: 'category', data: history.years.map((y) => `${y.year}年`) },
        yAxis: [
          { type: 'value', name: '件' },
          { type: 'value', name: '%', max: 100 },
        ],
        series: [
          { name: '新收申请', type: 'bar', data: history.years.map((y) => y.newReceived) },
          { name: '办结', type: 'bar', data: history.years.map((y) => y.totalConcluded) },
          {
            name: '予以公开比例',
            type: 'line',
            yAxisIndex: 1,
            data: history.years.map((y) => y.rates.grantedShare.value),
          },
          {
            name: '行政复议纠错率',
            type: 'line',
            yAxisIndex: 1,
            data: history.years.map((y) => y.rates.reviewCorrectionRate.value),
          },
        ],
      },
    [history],
  );

  const exportAs = async (format: 'csv' | 'xlsx' | 'json') => {
    if (!code) return;
    try {
      const { blob, fileName } = await download(
        `/exports/regions/${encodeURIComponent(code)}/reports?from=${year}&to=${year}&format=${format}&headers=zh`,
      );
      saveFile(blob, fileName);
    } catch (e) {
      setFailure(messageOf(e));
    }
  };

  const summaryAs = async (format: 'docx' | 'pdf') => {
    if (!code) return;
    try {
      const { blob, fileName } = await download(
        `/region/regions/${encodeURIComponent(code)}/years/${year}/summary?format=${format}`,
      );
      saveFile(blob, fileName);
    } catch (e) {
      setFailure(messageOf(e));
    }
  };

  const rows = (overview?.agencies ?? []).filter((a) => !status || a.status === status);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          地区年度报告总览
        </Typography.Title>
        <Space wrap>
          <RegionSelect label="行政区划" regions={regions} value={code} onChange={setCode} />
          {/* Reports of 2019–2020 (the 2019 format) and older ones are stored and charted too. */}
          <YearInput label="年度" min={FIRST_WORK_YEAR} value={year} onChange={setYear} />
          <Link to={`/workspace/region/import${code ? `?region=${code}` : ''}`}>
            <Button type="primary">导入报告文件</Button>
          </Link>
          <Button onClick={() => void summaryAs('docx')}>汇总报告 DOCX</Button>
          <Button onClick={() => void summaryAs('pdf')}>汇总报告 PDF</Button>
          <Button onClick={() => void exportAs('xlsx')}>导出 Excel</Button>
          <Button onClick={() => void exportAs('csv')}>导出 CSV</Button>
          <Button onClick={() => void exportAs('json')}>导出 JSON</Button>
        </Space>
      </Space>
      {(failure || regionFailure) && (
        <Alert type="error" showIcon title={failure ?? regionFailure} role="alert" />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'reports',
            label: '年度报告',
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                {loading && !overview && <Spin description="正在加载……" />}
                {overview && (
                  <>
                    <Row gutter={16}>
                      {(Object.keys(STATUS_TAGS) as PublicationStatus[]).map((s) => (
                        <Col key={s} xs={12} md={6}>
                          <Card
                            size="small"
                            hoverable
                            onClick={() => setStatus(status === s ? '' : s)}
                            aria-pressed={status === s}
                          >
                            <Statistic title={STATUS_TAGS[s].label} value={overview.counts[s]} />
                          </Card>
                        </Col>
                      ))}
                    </Row>
                    <Row gutter={16}>
                      <Col xs={24} lg={8}>
                        <Card size="small" title="发布情况">
                          <Suspense fallback={<Spin />}>
                            {statusChart && <Chart option={statusChart} label="各机关年度报告发布情况" />}
                          </Suspense>
                        </Card>
                      </Col>
                      <Col xs={24} lg={16}>
                        <Card size="small" title="近年变化（地区合计）">
                          <Suspense fallback={<Spin />}>
                            {historyChart && <Chart option={historyChart} label="近年申请数量与比例" />}
                          </Suspense>
                        </Card>
                      </Col>
                    </Row>
                    {history?.years.some((y) => y.table2Of2019) && (
                      <Card size="small" title="近年表二（2019年格式）">
                        <HistoryTable2Of2019
                          history={history}
                          years={[year - 4, year - 3, year - 2, year - 1, year]}
                        />
                      </Card>
                    )}
                    <Card
                      size="small"
                      title={`各机关（${rows.length}）${status ? `：${STATUS_TAGS[status].label}` : ''}`}
                    >
                      <Table
                        rowKey={(r) => r.agency.id}
                        size="small"
                        dataSource={rows}
                        pagination={{ pageSize: 20 }}
                        // On a phone the columns scroll instead of wrapping a character per line.
                        scroll={{ x: 'max-content' }}
                        locale={emptyHint(
                          status
                            ? '没有处于该状态的机关：点上方其他状态，或取消筛选。'
                            : '本地区尚无机关。机关由系统管理员在“系统管理 → 行政区划与机关”中添加。',
                        )}
                        columns={[
                          {
                            title: '机关',
                            render: (_: unknown, r) => (
                              <>
                                {r.report ? (
                                  <>
                                    <Link to={`/workspace/region/reports/${r.report.reportId}`}>
                                      {r.agency.name}
                                    </Link>
                                    <ScanTag scan={r.report.scan} />
                                  </>
                                ) : (
                                  r.agency.name
                                )}
                                <MergedNote merged={r.agency.merged} />
                              </>
                            ),
                          },
                          {
                            title: '状态',
                            render: (_: unknown, r) => (
                              <Tag color={STATUS_TAGS[r.status].color}>{STATUS_TAGS[r.status].label}</Tag>
                            ),
                          },
                          { title: '期限', dataIndex: 'deadline' },
                          { title: '发布日期', render: (_: unknown, r) => r.report?.publishedOn ?? '—' },
                          {
                            title: '核查',
                            render: (_: unknown, r) =>
                              r.report ? (
                                <Space>
                                  {r.report.errorCount > 0 && (
                                    <Tag color="red">{r.report.errorCount} 错误</Tag>
                                  )}
                                  {r.report.warningCount > 0 && (
                                    <Tag color="orange">{r.report.warningCount} 提醒</Tag>
                                  )}
                                  {r.report.errorCount + r.report.warningCount === 0 && (
                                    <Tag color="green">通过</Tag>
                                  )}
                                </Space>
                              ) : (
                                '—'
                              ),
                          },
                          {
                            title: '予以公开比例',
                            render: (_: unknown, r) => percent(r.rates?.grantedShare),
                          },
                          {
                            title: '复议纠错率',
                            render: (_: unknown, r) => percent(r.rates?.reviewCorrectionRate),
                          },
                        ]}
                      />
                    </Card>
                    <Card
                      size="small"
                      title={`地区合计（${overview.totals.reports} 份报告${overview.totals.incomplete ? `，其中 ${overview.totals.incomplete} 份有空白单元格` : ''}）`}
                    >
                      <Typography.Paragraph>
                        予以公开比例 {percent(overview.rates.grantedShare)}；不予公开比例{' '}
                        {percent(overview.rates.deniedShare)}； 行政复议纠错率{' '}
                        {percent(overview.rates.reviewCorrectionRate)}；行政诉讼纠错率{' '}
                        {percent(overview.rates.litigationCorrectionRate)}。
                      </Typography.Paragraph>
                      {overview.totalsFindings.length > 0 && (
                        <Alert
                          type="warning"
                          showIcon
                          title={`地区合计的勾稽关系有 ${overview.totalsFindings.length} 处问题`}
                          description={overview.totalsFindings.map((f) => f.message).join('；')}
                          style={{ marginBottom: 12 }}
                        />
                      )}
                      {totalsReport && (
                        <ReportTables report={totalsReport} findings={overview.totalsFindings} />
                      )}
                    </Card>
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'work',
            label: '公开工作',
            children: code ? <RegionWorkTab code={code} year={year} /> : null,
          },
          {
            key: 'conventions',
            label: '统计口径',
            children: code ? (
              <RegionConventionsTab
                code={code}
                regionName={regions.find((r) => r.code === code)?.name ?? ''}
              />
            ) : null,
          },
        ]}
      />
    </Space>
  );
}
