import { Alert, Card, Checkbox, Col, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { type RegionWorkRow, regionWorkRows } from '../../../core/work-records/region-work-rows.ts';
import type { regionWorkResponse } from '../../../server/routes/work-records/work-records.schema.ts';
import { api, messageOf } from '../../api/client.ts';
import { emptyHint } from '../../components/empty-hint.tsx';

const Chart = lazy(() => import('./charts.tsx'));

type RegionWork = z.output<typeof regionWorkResponse>;

/** Agencies per page of the table (and of the chart above it). */
const PAGE_SIZE = 20;

const coverage = (v: number | null) => (v === null ? '—' : `${v}%`);

/** A figure that, clicked, toggles the filter of the table below it to the agencies it counts. */
function FilterCard(props: { title: string; value: number; pressed: boolean; onToggle: () => void }) {
  return (
    <Card size="small" hoverable onClick={props.onToggle} aria-pressed={props.pressed}>
      <Statistic title={props.title} value={props.value} />
    </Card>
  );
}

/**
 * 公开工作 of a region's agencies in a year, for the supervising office: who held no open day,
 * whose 建议提案 results are unpublished, how many of the year's normative documents were interpreted.
 */
export function RegionWorkTab({ code, year }: { code: string; year: number }) {
  const [work, setWork] = useState<RegionWork | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [onlyNoOpenDay, setOnlyNoOpenDay] = useState(false);
  const [onlyUnpublished, setOnlyUnpublished] = useState(false);
  const [page, setPage] = useState(1);

  // Another region or year starts again at the first page, as does another filter (below).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the region and year are the trigger.
  useEffect(() => {
    setWork(null);
    setPage(1);
  }, [code, year]);
  const filterNoOpenDay = (on: boolean) => {
    setOnlyNoOpenDay(on);
    setPage(1);
  };
  const filterUnpublished = (on: boolean) => {
    setOnlyUnpublished(on);
    setPage(1);
  };

  useEffect(() => {
    // An answer for a region, year or page no longer shown is dropped (see the dashboard).
    let current = true;
    setFailure(null);
    const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
    if (onlyNoOpenDay) params.set('noOpenDay', 'true');
    if (onlyUnpublished) params.set('unpublishedResults', 'true');
    api
      .get<RegionWork>(`/region/regions/${encodeURIComponent(code)}/years/${year}/work?${params}`)
      .then((w) => {
        if (current) setWork(w);
      })
      .catch((e: unknown) => {
        if (current) setFailure(messageOf(e));
      });
    return () => {
      current = false;
    };
  }, [code, year, page, onlyNoOpenDay, onlyUnpublished]);

  // The rows of the page's agencies; the totals are the whole region's, summed by the server.
  const rows = useMemo(() => (work ? regionWorkRows(work.agencies).rows : null), [work]);
  const chart = useMemo(
    () =>
      rows && {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 48, right: 48, bottom: 72 },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.agencyName),
          axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
        },
        yAxis: [
          { type: 'value', name: '次/件', minInterval: 1 },
          { type: 'value', name: '%', max: 100 },
        ],
        series: [
          { name: '政府开放日', type: 'bar', barMaxWidth: 36, data: rows.map((r) => r.openDays) },
          {
            name: '建议提案结果未公开',
            type: 'bar',
            barMaxWidth: 36,
            data: rows.map((r) => r.proposalResultsUnpublished),
          },
          {
            name: '规范性文件解读覆盖率',
            type: 'line',
            yAxisIndex: 1,
            connectNulls: false,
            data: rows.map((r) => r.interpretationCoveragePercent),
          },
        ],
      },
    [rows],
  );

  if (failure) return <Alert type="error" showIcon title={failure} role="alert" />;
  if (!work || !rows) return <Spin description="正在加载……" />;
  const { totals } = work;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="机关数" value={totals.agencies} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <FilterCard
            title="未开展政府开放日的机关"
            value={totals.agenciesWithoutOpenDay}
            pressed={onlyNoOpenDay}
            onToggle={() => filterNoOpenDay(!onlyNoOpenDay)}
          />
        </Col>
        <Col xs={12} md={6}>
          <FilterCard
            title="建议提案结果未全部公开的机关"
            value={totals.agenciesWithUnpublishedResults}
            pressed={onlyUnpublished}
            onToggle={() => filterUnpublished(!onlyUnpublished)}
          />
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={`规范性文件解读覆盖率（${totals.normativeInterpreted}/${totals.normativeIssued}件）`}
              value={coverage(totals.interpretationCoveragePercent)}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={work.total > PAGE_SIZE ? `各机关公开工作（本页${rows.length}个机关）` : '各机关公开工作'}
      >
        <Suspense fallback={<Spin />}>
          {chart && rows.length > 0 && (
            <Chart option={chart} height={300} label="各机关政府开放日、建议提案结果公开和政策解读覆盖情况" />
          )}
        </Suspense>
      </Card>
      <Card
        size="small"
        title={`各机关（${work.total}）`}
        extra={
          <Space>
            <Checkbox checked={onlyNoOpenDay} onChange={(e) => filterNoOpenDay(e.target.checked)}>
              只看未开展政府开放日
            </Checkbox>
            <Checkbox checked={onlyUnpublished} onChange={(e) => filterUnpublished(e.target.checked)}>
              只看建议提案结果未公开
            </Checkbox>
          </Space>
        }
      >
        <Table<RegionWorkRow>
          rowKey="agencyId"
          size="small"
          dataSource={rows}
          aria-label="各机关公开工作"
          locale={emptyHint(
            '没有符合条件的机关：可取消上方的勾选，或在“系统管理 → 行政区划与机关”中添加机关。',
          )}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: work.total,
            showSizeChanger: false,
            onChange: setPage,
          }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '机关', dataIndex: 'agencyName', fixed: 'left' },
            { title: '主动公开（条）', dataIndex: 'proactivePublished', align: 'right' },
            {
              title: '政府开放日',
              align: 'right',
              render: (_, r) => (r.noOpenDay ? <Tag color="red">未开展</Tag> : `${r.openDays}次`),
            },
            {
              title: '参加人数',
              dataIndex: 'participants',
              align: 'right',
              render: (v: number | null) => v ?? '未登记',
            },
            {
              title: '意见建议（收到/采纳/办理中）',
              align: 'right',
              render: (_, r) =>
                `${r.suggestionsReceived} / ${r.suggestionsAdopted} / ${r.suggestionsPending}`,
            },
            { title: '建议提案（件）', dataIndex: 'proposals', align: 'right' },
            {
              title: '结果公开',
              render: (_, r) =>
                r.proposals === 0 ? (
                  '—'
                ) : r.proposalResultsUnpublished > 0 ? (
                  <Tag color="red">{r.proposalResultsUnpublished} 件未公开</Tag>
                ) : (
                  <Tag color="green">全部公开</Tag>
                ),
            },
            {
              title: '规范性文件解读',
              align: 'right',
              render: (_, r) =>
                r.normativeIssued === 0
                  ? '本年未制发'
                  : `${r.normativeInterpreted}/${r.normativeIssued}（${coverage(r.interpretationCoveragePercent)}）`,
            },
            { title: '组织培训', dataIndex: 'trainingsHeld', align: 'right' },
            {
              title: '平台未备案',
              align: 'right',
              render: (_, r) => (r.channelsUnfiled > 0 ? <Tag color="orange">{r.channelsUnfiled}</Tag> : 0),
            },
            { title: '责任追究', dataIndex: 'accountabilityCases', align: 'right' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          地区合计：政府开放日{totals.openDays}次、参加{totals.participants}人，收到意见建议
          {totals.suggestionsReceived}条（采纳{totals.suggestionsAdopted}条）；建议提案{totals.proposals}
          件，办理结果已公开{totals.proposalResultsPublished}件、未公开{totals.proposalResultsUnpublished}件。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
