import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { CASE_KIND_LABELS, CASE_KINDS } from '../../../core/cases/case.ts';
import { TABLE4_COLUMNS, TABLE4_GROUP_LABELS } from '../../../core/report/labels.ts';
import { api, messageOf } from '../../api/client.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { LabelledYearInput } from '../../components/labelled-year-input.tsx';
import { useAgencyChoice } from '../use-agency-choice.tsx';
import { DecideCaseDialog, FileCaseForm } from './case-forms.tsx';
import type { CaseRecordView, Table4View } from './case-types.ts';

/** 行政复议 and 行政诉讼 cases of an agency, their decisions, and table 四 of a year counted from them. */
export function CasesPage() {
  const { agencyId, picker, failure: agencyFailure, canHandle } = useAgencyChoice();
  const [kind, setKind] = useState('');
  const [open, setOpen] = useState('');
  const [cases, setCases] = useState<CaseRecordView[]>([]);
  const [year, setYear] = useState(new Date().getFullYear());
  const [table4, setTable4] = useState<Table4View | null>(null);
  const [deciding, setDeciding] = useState<CaseRecordView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!agencyId) return;
    setLoading(true);
    setFailure(null);
    const base = `/agencies/${encodeURIComponent(agencyId)}`;
    const params = new URLSearchParams();
    if (kind) params.set('kind', kind);
    if (open) params.set('open', open);
    try {
      const [c, t] = await Promise.all([
        api.get<CaseRecordView[]>(`${base}/cases?${params}`),
        api.get<Table4View>(`${base}/table4/${year}`),
      ]);
      setCases(c);
      setTable4(t);
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [agencyId, kind, open, year]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        行政复议和行政诉讼
      </Typography.Title>
      {(failure || agencyFailure) && (
        <Alert type="error" showIcon title={failure ?? agencyFailure} role="alert" />
      )}
      {picker}
      {canHandle && agencyId && (
        <Card size="small" title="登记案件">
          <FileCaseForm agencyId={agencyId} onFiled={load} />
        </Card>
      )}
      <Card
        size="small"
        title={`${year}年 表四 政府信息公开行政复议、行政诉讼情况（由案件统计）`}
        extra={<LabelledYearInput id="table4-year" value={year} onChange={setYear} />}
      >
        <Table
          aria-label="表四"
          size="small"
          pagination={false}
          rowKey="key"
          loading={loading}
          dataSource={CASE_KINDS.map((k) => ({ key: k, cells: table4?.table4[k] ?? [] }))}
          columns={[
            {
              title: '案件类型',
              dataIndex: 'key',
              render: (k: keyof typeof TABLE4_GROUP_LABELS) => TABLE4_GROUP_LABELS[k],
            },
            ...TABLE4_COLUMNS.map((label, i) => ({
              title: label,
              key: label,
              width: 100,
              align: 'right' as const,
              render: (_: unknown, r: { cells: (number | null)[] }) => r.cells[i] ?? '—',
            })),
          ]}
        />
      </Card>
      <Space wrap>
        <Select
          aria-label="案件类型筛选"
          style={{ width: 180 }}
          value={kind}
          onChange={setKind}
          options={[
            { value: '', label: '全部类型' },
            ...CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] })),
          ]}
        />
        <Select
          aria-label="审结情况筛选"
          style={{ width: 150 }}
          value={open}
          onChange={setOpen}
          options={[
            { value: '', label: '全部' },
            { value: 'true', label: '尚未审结' },
            { value: 'false', label: '已审结' },
          ]}
        />
      </Space>
      <Table<CaseRecordView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={cases}
        aria-label="案件"
        locale={emptyHint(
          kind || open
            ? '没有符合条件的案件：可把筛选改回“全部”。'
            : canHandle
              ? '尚未登记行政复议、行政诉讼案件。收到复议申请书副本或起诉状副本时，在上方“登记案件”中录入；表四由这些案件统计。'
              : '该机关尚未登记行政复议、行政诉讼案件。',
        )}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 件` }}
        columns={[
          { title: '案件类型', dataIndex: 'kindLabel', width: 160 },
          { title: '案号', dataIndex: 'caseNumber', render: (v: string | null) => v ?? '—' },
          { title: '申请复议或起诉之日', dataIndex: 'filedOn', width: 160 },
          {
            title: '所涉申请',
            dataIndex: 'applicationId',
            width: 110,
            render: (v: string | null) =>
              v && agencyId ? (
                <Link to={`/workspace/applications/${v}?agency=${agencyId}`}>查看申请</Link>
              ) : (
                '—'
              ),
          },
          {
            title: '审结结果',
            dataIndex: 'resultLabel',
            width: 150,
            render: (v: string, r) =>
              r.result ? (
                <span>
                  {v}（{r.decidedOn}）
                </span>
              ) : (
                <Tag color="orange">{v}</Tag>
              ),
          },
          ...(canHandle
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, r: CaseRecordView) =>
                    r.result ? null : (
                      <Button size="small" onClick={() => setDeciding(r)}>
                        登记审结
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {agencyId && (
        <DecideCaseDialog
          agencyId={agencyId}
          item={deciding}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            void load();
          }}
        />
      )}
    </Space>
  );
}
