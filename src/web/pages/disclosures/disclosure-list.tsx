import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DISCLOSURE_STATUS_LABELS, DISCLOSURE_STATUSES } from '../../../core/disclosures/disclosure.ts';
import { api, messageOf } from '../../api/client.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { ProvisionalTag } from '../../components/provisional-tag.tsx';
import { useSession } from '../../layout/session.tsx';
import { useAgencyChoice } from '../use-agency-choice.tsx';
import { DisclosureForm } from './disclosure-form.tsx';
import type { DisclosureList, DisclosureView } from './disclosure-types.ts';

export const DISCLOSURE_STATUS_COLORS = {
  draft: 'default',
  submitted: 'blue',
  sectionApproved: 'purple',
  approved: 'cyan',
  published: 'green',
} as const;

const PAGE = 20;

/** The item's art. 26 due day: red when overdue (not yet published past it). */
export function DisclosureDue({ item }: { item: DisclosureView }) {
  if (item.attribute !== 'proactive') return <span>不适用（非主动公开）</span>;
  if (item.dueOn === null) return <Tag>期限无法计算</Tag>;
  if (item.publishedOn !== null) {
    return item.overdue ? (
      <Tag color="red">{item.publishedOn} 逾期发布</Tag>
    ) : (
      <span>{item.publishedOn} 已发布</span>
    );
  }
  if (item.overdue) return <Tag color="red">{item.dueOn} 已超期</Tag>;
  return (
    <span>
      {item.dueOn}
      <ProvisionalTag mark={item.dueProvisional} />
    </span>
  );
}

/** True when `item` waits for this reviewer: 科室审核, or 领导审批 by someone else than the section head. */
function waitsFor(item: DisclosureView, userId: string): boolean {
  return (
    item.status === 'submitted' || (item.status === 'sectionApproved' && item.sectionHeadUserId !== userId)
  );
}

/**
 * The proactive disclosure register (主动公开): items by status with the art. 26 due day, a
 * reviewer's "待我审核" first, and the officer's form to register a new item.
 */
export function DisclosureListPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { agencyId, picker, failure: agencyFailure } = useAgencyChoice();
  const [status, setStatus] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [list, setList] = useState<DisclosureList | null>(null);
  const [waiting, setWaiting] = useState<DisclosureView[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const isReviewer = session.user.role === 'reviewer';
  const isOfficer = session.user.role === 'officer';

  const load = useCallback(async () => {
    if (!agencyId) return;
    setLoading(true);
    setFailure(null);
    const base = `/agencies/${encodeURIComponent(agencyId)}/disclosures`;
    const params = new URLSearchParams({ limit: String(PAGE), offset: String((page - 1) * PAGE) });
    if (status) params.set('status', status);
    if (overdueOnly) params.set('overdue', 'true');
    try {
      const [l, ...pending] = await Promise.all([
        api.get<DisclosureList>(`${base}?${params}`),
        ...(isReviewer
          ? ['submitted', 'sectionApproved'].map((s) =>
              api.get<DisclosureList>(`${base}?status=${s}&limit=200`),
            )
          : []),
      ]);
      setList(l);
      setWaiting(
        pending
          .flatMap((p) => p.items)
          .filter((d) => waitsFor(d, session.user.id))
          .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')),
      );
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [agencyId, page, status, overdueOnly, isReviewer, session.user.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const link = (item: DisclosureView) => (
    <Link to={`/workspace/disclosures/${item.id}?agency=${item.agencyId}`}>{item.title}</Link>
  );
  const columns = [
    { title: '信息标题', dataIndex: 'title', render: (_: unknown, r: DisclosureView) => link(r) },
    { title: '类别', dataIndex: 'category', width: 110 },
    { title: '公开渠道', dataIndex: 'channelLabel', width: 110 },
    { title: '公开属性', dataIndex: 'attributeLabel', width: 110 },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 120,
      render: (v: string, r: DisclosureView) => <Tag color={DISCLOSURE_STATUS_COLORS[r.status]}>{v}</Tag>,
    },
    { title: '形成日期', dataIndex: 'createdOn', width: 120 },
    {
      title: '公开期限',
      dataIndex: 'dueOn',
      width: 170,
      render: (_: unknown, r: DisclosureView) => <DisclosureDue item={r} />,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          主动公开信息台账
        </Typography.Title>
        {isOfficer && !creating && (
          <Button type="primary" onClick={() => setCreating(true)}>
            拟稿登记
          </Button>
        )}
      </Space>
      {(failure || agencyFailure) && (
        <Alert type="error" showIcon title={failure ?? agencyFailure} role="alert" />
      )}
      {creating && agencyId && (
        <Card size="small" title="拟稿登记主动公开信息">
          <DisclosureForm
            submitLabel="保存拟稿"
            onCancel={() => setCreating(false)}
            save={async (content) => {
              const created = await api.post<DisclosureView>(
                `/agencies/${encodeURIComponent(agencyId)}/disclosures`,
                content,
              );
              navigate(`/workspace/disclosures/${created.id}?agency=${agencyId}`);
            }}
          />
        </Card>
      )}
      {isReviewer && (
        <Card size="small" title={`待我审核（${waiting.length}）`}>
          {waiting.length === 0 ? (
            <Typography.Text type="secondary">没有等待您审核的信息。</Typography.Text>
          ) : (
            <Table<DisclosureView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={waiting}
              aria-label="待我审核"
              columns={columns}
            />
          )}
        </Card>
      )}
      <Space wrap>
        {picker}
        <Select
          aria-label="状态"
          style={{ width: 150 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: '', label: '全部状态' },
            ...DISCLOSURE_STATUSES.map((s) => ({ value: s, label: DISCLOSURE_STATUS_LABELS[s] })),
          ]}
        />
        <Select
          aria-label="期限"
          style={{ width: 150 }}
          value={overdueOnly ? 'overdue' : ''}
          onChange={(v) => {
            setOverdueOnly(v === 'overdue');
            setPage(1);
          }}
          options={[
            { value: '', label: '全部期限' },
            { value: 'overdue', label: '只看已超期' },
          ]}
        />
      </Space>
      <Table<DisclosureView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={list?.items ?? []}
        aria-label="主动公开信息台账"
        locale={emptyHint(
          status || overdueOnly
            ? '没有符合条件的信息：可把筛选改回“全部状态”“全部期限”。'
            : '台账中还没有主动公开信息。经办人点“拟稿登记”起草一条，经科室审核、领导审批和保密审查后公开。',
        )}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
        }}
        columns={columns}
      />
    </Space>
  );
}
