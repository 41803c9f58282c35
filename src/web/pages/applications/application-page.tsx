import { Alert, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, messageOf } from '../../api/client.ts';
import type { ApplicationDetail, DeadlineStep } from '../../api/types.ts';
import { useSession } from '../../layout/session.tsx';
import { ApplicantCard } from './applicant-card.tsx';
import { DueTag } from './due-tag.tsx';
import { LetterForm } from './letter-form.tsx';
import { StepForm } from './step-form.tsx';

/** One application: the facts, the due date and how it was computed, the audit trail. */
export function ApplicationPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const session = useSession();
  const agencyId = params.get('agency') ?? session.user.agencyId;
  const [view, setView] = useState<ApplicationDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!id || !agencyId) {
      setFailure('缺少机关或申请编号');
      return;
    }
    api
      .get<ApplicationDetail>(
        `/agencies/${encodeURIComponent(agencyId)}/applications/${encodeURIComponent(id)}`,
      )
      .then(setView)
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [id, agencyId]);

  useEffect(() => {
    load();
  }, [load]);

  if (failure) return <Alert type="error" showIcon title={failure} role="alert" />;
  if (!view) return <Spin description="正在加载……" />;
  const a = view.application;
  const canHandle = session.user.role === 'officer' || session.user.role === 'reviewer';
  const d = view.deadlines;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workspace/applications">← 返回待办</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        申请 {a.trackingNumber}
      </Typography.Title>
      <Card size="small" title="申请情况">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="申请方式">{a.channelLabel}</Descriptions.Item>
          <Descriptions.Item label="申请人类型">{a.applicantTypeLabel}</Descriptions.Item>
          <Descriptions.Item label="提交日期">{a.submittedOn}</Descriptions.Item>
          <Descriptions.Item label="收到申请之日">{a.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag>{a.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="答复期限">
            <DueTag
              due={a.answerDueOn}
              label={view.answerDueLabel}
              overdue={a.overdue}
              dueThisWeek={a.dueThisWeek}
              concluded={a.status === 'concluded'}
              late={a.answerTimeliness?.state === 'late' ? a.answerTimeliness.label : null}
              provisional={a.answerDueProvisional}
            />
          </Descriptions.Item>
          {a.outcomeLabel && <Descriptions.Item label="办理结果">{a.outcomeLabel}</Descriptions.Item>}
          <Descriptions.Item label="申请内容" span={2}>
            {a.description}
          </Descriptions.Item>
          <Descriptions.Item label="所需信息的形式" span={2}>
            {a.requestedFormLabel ?? '未写明'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {canHandle && agencyId && <ApplicantCard agencyId={agencyId} applicationId={a.id} onRevealed={load} />}
      <Card size="small" title="期限及计算过程">
        {view.deadlinesNote && <Alert type="warning" showIcon title={view.deadlinesNote} />}
        {d && (
          <>
            {d.workingDaysAllowed !== null && (
              <Typography.Paragraph>
                答复期限 {view.answerDueLabel}：共 {d.workingDaysAllowed} 个工作日，已用{' '}
                {d.workingDaysUsed ?? 0} 个。
              </Typography.Paragraph>
            )}
            {d.warnings.map((w) => (
              <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
            ))}
            <Table<DeadlineStep>
              rowKey={(s) => `${s.label}-${s.date}`}
              size="small"
              pagination={false}
              dataSource={d.steps}
              columns={[
                { title: '事项', dataIndex: 'label' },
                { title: '日期', dataIndex: 'date', width: 120 },
                { title: '计算说明', dataIndex: 'explanation' },
                { title: '依据', dataIndex: 'article', width: 160 },
              ]}
            />
          </>
        )}
      </Card>
      {canHandle && agencyId && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title="记录办理步骤">
              <StepForm
                key={a.version}
                agencyId={agencyId}
                applicationId={a.id}
                status={a.status}
                version={a.version}
                mixedOutcomeRule={view.mixedOutcomeRule}
                onSaved={load}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title="出具告知书">
              <LetterForm
                agencyId={agencyId}
                applicationId={a.id}
                outcome={a.outcome}
                requestedForm={a.requestedForm}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" title="办理记录">
        <Timeline
          items={view.auditTrail.map((e) => ({
            children: `${new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}　${e.actionLabel}　${e.actor}`,
          }))}
        />
      </Card>
    </Space>
  );
}
