import { Alert, Button, Card, Form, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, messageOf } from '../../api/client.ts';
import type { ReportList, ReportSummary } from '../../api/types.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { useSession } from '../../layout/session.tsx';
import { useAgencyChoice } from '../use-agency-choice.tsx';
import { whileBusy } from '../while-busy.ts';
import { MergedReports } from './merged-reports.tsx';
import { proposedReportYear } from './proposed-report-year.ts';

export const STATUS_COLORS = {
  draft: 'default',
  submitted: 'blue',
  approved: 'cyan',
  published: 'green',
} as const;

/** An agency's annual reports, newest year and version first; assemble a new year's draft. */
export function ReportListPage() {
  const navigate = useNavigate();
  const { agencyId, picker, failure: agencyFailure, canHandle: canAssemble } = useAgencyChoice();
  const [items, setItems] = useState<ReportSummary[] | null>(null);
  const [merged, setMerged] = useState<ReportList['mergedReports']>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { user } = useSession();
  const proposedYear = proposedReportYear(
    (items ?? []).map((r) => r.year),
    new Date().getFullYear(),
  );
  // A reviewer's prompt, as for disclosures: versions submitted by someone else wait for them.
  const waiting =
    user.role === 'reviewer'
      ? (items ?? []).filter((r) => r.status === 'submitted' && r.submittedBy !== user.id)
      : [];

  const load = useCallback(() => {
    if (!agencyId) return;
    api
      .get<ReportList>(`/agencies/${encodeURIComponent(agencyId)}/reports`)
      .then((r) => {
        setItems(r.items);
        setMerged(r.mergedReports);
      })
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [agencyId]);
  useEffect(load, [load]);

  const assemble = async ({ year }: { year: number }) => {
    if (!agencyId || busy) return;
    setFailure(null);
    await whileBusy(setBusy, setFailure, async () => {
      const created = await api.post<ReportSummary>(`/agencies/${encodeURIComponent(agencyId)}/reports`, {
        year,
      });
      navigate(`/workspace/reports/${created.id}?agency=${agencyId}`);
    });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        政府信息公开工作年度报告
      </Typography.Title>
      {(failure || agencyFailure) && (
        <Alert type="error" showIcon title={failure ?? agencyFailure} role="alert" />
      )}
      {picker}
      {waiting.length > 0 && (
        <Card
          size="small"
          title={`待我审核（${waiting.length}）`}
          role="region"
          aria-label="待我审核的年度报告"
        >
          <List
            size="small"
            dataSource={waiting}
            renderItem={(r) => (
              <List.Item>
                <Link to={`/workspace/reports/${r.id}?agency=${agencyId}`}>
                  {r.year}年度报告（第{r.version}版）
                </Link>
                <Typography.Text type="secondary">公布期限 {r.deadline}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
      {canAssemble && items && (
        <Form key={proposedYear} layout="inline" onFinish={assemble} initialValues={{ year: proposedYear }}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2021} max={2100} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            由台账汇总生成报告草稿
          </Button>
        </Form>
      )}
      <Table<ReportSummary>
        rowKey="id"
        size="middle"
        dataSource={items ?? []}
        loading={items === null && agencyId !== null}
        pagination={false}
        locale={emptyHint(
          canAssemble
            ? '还没有年度报告。在上方填写年度，点“由台账汇总生成报告草稿”：表二至表四由全年的申请、文件和案件统计，正文由工作台账起草。'
            : '该机关还没有年度报告；由经办人汇总生成草稿。',
        )}
        columns={[
          {
            title: '年度',
            dataIndex: 'year',
            render: (y: number, r) => (
              <Link to={`/workspace/reports/${r.id}?agency=${r.agencyId}`}>{y}年度</Link>
            ),
          },
          { title: '版本', dataIndex: 'version', render: (v: number) => `第${v}版` },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            render: (label: string, r) => <Tag color={STATUS_COLORS[r.status]}>{label}</Tag>,
          },
          {
            title: '核查',
            render: (_: unknown, r) => (
              <Space>
                {r.errorCount > 0 && <Tag color="red">{r.errorCount} 个错误</Tag>}
                {r.warningCount > 0 && <Tag color="orange">{r.warningCount} 个提醒</Tag>}
                {r.errorCount + r.warningCount === 0 && <Tag color="green">通过</Tag>}
              </Space>
            ),
          },
          { title: '公布期限', dataIndex: 'deadline' },
          {
            title: '发布日期',
            dataIndex: 'publishedOn',
            render: (d: string | null, r) =>
              d ? (
                <span>
                  {d}
                  {r.late && (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      逾期发布
                    </Tag>
                  )}
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <MergedReports reports={merged} />
    </Space>
  );
}
