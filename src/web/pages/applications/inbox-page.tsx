import { Alert, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { APPLICATION_STATUS_LABELS } from '../../../core/applications/application.ts';
import { api, messageOf } from '../../api/client.ts';
import type {
  AnswerTimelinessYear,
  ApplicationList,
  ApplicationSummary,
  DeadlineSummary,
} from '../../api/types.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { useSession } from '../../layout/session.tsx';
import { useAgencyChoice } from '../use-agency-choice.tsx';
import { DueTag } from './due-tag.tsx';

/** Not a status: the answeredLate filter (answered after the deadline). */
const ANSWERED_LATE = 'answered-late';

/** The status filter: open applications (the default), all, every status with the core's label; then 逾期答复. */
const STATUS_FILTERS = [
  { value: 'open', label: '未办结' },
  { value: '', label: '全部' },
  ...Object.entries(APPLICATION_STATUS_LABELS).map(([value, label]) => ({ value, label })),
  { value: ANSWERED_LATE, label: '逾期答复' },
];

/** The inbox: an agency's applications, open ones by deadline, overdue and due-soon flagged. */
export function InboxPage() {
  const session = useSession();
  const [status, setStatus] = useState('open');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<ApplicationList | null>(null);
  const [summary, setSummary] = useState<DeadlineSummary | null>(null);
  const [timeliness, setTimeliness] = useState<AnswerTimelinessYear | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const {
    agencyId,
    picker,
    failure: agencyFailure,
  } = useAgencyChoice({ width: 240, onChange: () => setPage(1) });

  const load = useCallback(async () => {
    if (!agencyId) return;
    setLoading(true);
    setFailure(null);
    const params = new URLSearchParams({ sort: 'due', limit: '20', offset: String((page - 1) * 20) });
    if (status === ANSWERED_LATE) params.set('answeredLate', 'true');
    else if (status) params.set('status', status);
    if (q.trim()) params.set('q', q.trim());
    const base = `/agencies/${encodeURIComponent(agencyId)}`;
    try {
      const [l, s] = await Promise.all([
        api.get<ApplicationList>(`${base}/applications?${params}`),
        api.get<DeadlineSummary>(`${base}/deadlines/summary`),
      ]);
      const year = Number(s.today.slice(0, 4));
      setTimeliness(await api.get<AnswerTimelinessYear>(`${base}/applications/timeliness?year=${year}`));
      setList(l);
      setSummary(s);
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [agencyId, page, status, q]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          依申请公开 · 待办
        </Typography.Title>
        {session.user.agencyId && (
          <Link to="/workspace/applications/new">
            <Button type="primary">登记申请</Button>
          </Link>
        )}
      </Space>
      {(failure || agencyFailure) && (
        <Alert type="error" showIcon title={failure ?? agencyFailure} role="alert" />
      )}
      {summary && (
        <Row gutter={16}>
          <CountCard title="未办结" value={summary.open} />
          <CountCard title="已逾期" value={summary.overdue} alertColor="#cf1322" />
          <CountCard title="7日内到期" value={summary.dueThisWeek} alertColor="#d46b08" />
        </Row>
      )}
      {summary && summary.provisional > 0 && (
        <Typography.Text type="warning" aria-label="暂定期限">
          {summary.provisional}{' '}
          件未办结申请的答复期限为暂定（所跨年度的节假日安排尚未录入），录入后自动重新计算。
        </Typography.Text>
      )}
      {timeliness && (
        <Typography.Text aria-label="本年答复情况">
          {timeliness.year}年作出答复 {timeliness.answered} 件：按期答复 {timeliness.onTime} 件，逾期答复{' '}
          <Typography.Text type={timeliness.late ? 'danger' : undefined}>{timeliness.late}</Typography.Text>{' '}
          件{timeliness.unknown ? `，无法判断 ${timeliness.unknown} 件` : ''}；按时答复率{' '}
          {timeliness.onTimeRate ?? '—'}
        </Typography.Text>
      )}
      <Space wrap>
        {picker}
        <Select
          aria-label="办理状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={STATUS_FILTERS}
        />
        <Input.Search
          aria-label="查找"
          placeholder="受理编号或内容"
          allowClear
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
      </Space>
      <Table<ApplicationSummary>
        rowKey="id"
        loading={loading}
        dataSource={list?.items ?? []}
        locale={emptyHint(
          status !== 'open' || q.trim()
            ? '没有符合条件的申请：可改选办理状态“全部”，或清除查找条件。'
            : session.user.agencyId
              ? '没有未办结的申请。收到来信、当面或电话等申请时，点右上角“登记申请”录入；申请人在线提交的申请会自动出现在这里。'
              : '该机关没有未办结的申请。',
        )}
        size="middle"
        pagination={{
          current: page,
          pageSize: 20,
          total: list?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        columns={[
          {
            title: '受理编号',
            dataIndex: 'trackingNumber',
            render: (v: string, r) => (
              <Link to={`/workspace/applications/${r.id}?agency=${agencyId}`}>{v}</Link>
            ),
          },
          { title: '收到日期', dataIndex: 'receivedOn' },
          { title: '申请人', dataIndex: 'applicantNameMasked' },
          { title: '申请内容', dataIndex: 'description', ellipsis: true },
          { title: '状态', dataIndex: 'statusLabel' },
          {
            title: '答复期限',
            dataIndex: 'answerDueOn',
            render: (_: unknown, r) => (
              <DueTag
                due={r.answerDueOn}
                label={r.answerDueLabel}
                overdue={r.overdue}
                dueThisWeek={r.dueThisWeek}
                concluded={r.status === 'concluded'}
                late={r.answerTimeliness?.state === 'late' ? r.answerTimeliness.label : null}
                provisional={r.answerDueProvisional}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}

/** A third of the row: one count, in `alertColor` when it is not 0. */
function CountCard(props: { title: string; value: number; alertColor?: string }) {
  return (
    <Col span={8}>
      <Card size="small">
        <Statistic
          title={props.title}
          value={props.value}
          valueStyle={props.alertColor ? { color: props.value ? props.alertColor : undefined } : undefined}
        />
      </Card>
    </Col>
  );
}
