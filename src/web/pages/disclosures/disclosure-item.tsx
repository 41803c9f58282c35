import { Alert, Card, Descriptions, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, messageOf } from '../../api/client.ts';
import { ProvisionalTag } from '../../components/provisional-tag.tsx';
import { useSession } from '../../layout/session.tsx';
import { DisclosureActions } from './disclosure-actions.tsx';
import { DisclosureForm } from './disclosure-form.tsx';
import { DISCLOSURE_STATUS_COLORS, DisclosureDue } from './disclosure-list.tsx';
import { type DisclosureView, disclosureStepLabel } from './disclosure-types.ts';

export function atChina(instant: string): string {
  return new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** One item of the register: its content, art. 26 due day, review chain and 保密审查 record, and the next step. */
export function DisclosureItemPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const session = useSession();
  const agencyId = params.get('agency') ?? session.user.agencyId;
  const [item, setItem] = useState<DisclosureView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    if (!id || !agencyId) {
      setFailure('缺少机关或信息编号');
      return;
    }
    api
      .get<DisclosureView>(`/agencies/${encodeURIComponent(agencyId)}/disclosures/${encodeURIComponent(id)}`)
      .then(setItem)
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [id, agencyId]);
  useEffect(load, [load]);

  if (failure) return <Alert type="error" showIcon title={failure} role="alert" />;
  if (!item) return <Spin description="正在加载……" />;
  const canHandle = session.user.role === 'officer' || session.user.role === 'reviewer';
  const drafter = item.steps.find((s) => s.byUserId === item.drafterUserId)?.byLabel ?? '经办人';
  const review = item.secrecyReview;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workspace/disclosures">← 返回主动公开台账</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {item.title}
      </Typography.Title>
      <Card size="small" title="信息情况">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="状态">
            <Tag color={DISCLOSURE_STATUS_COLORS[item.status]}>{item.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="信息类别">{item.category}</Descriptions.Item>
          <Descriptions.Item label="公开渠道">{item.channelLabel}</Descriptions.Item>
          <Descriptions.Item label="文号">{item.documentNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公开属性">{item.attributeLabel}</Descriptions.Item>
          <Descriptions.Item label="形成（变更）日期">{item.createdOn}</Descriptions.Item>
          <Descriptions.Item label="公开期限（第二十六条）">
            {item.attribute === 'proactive' ? (
              <Space size={4}>
                {item.dueOn ?? '期限无法计算'}
                {item.overdue && <Tag color="red">已超期</Tag>}
                {!item.overdue && <ProvisionalTag mark={item.dueProvisional} />}
              </Space>
            ) : (
              <DisclosureDue item={item} />
            )}
          </Descriptions.Item>
          <Descriptions.Item label="发布日期">{item.publishedOn ?? '—'}</Descriptions.Item>
          {item.attributeReason && (
            <Descriptions.Item label="理由及依据" span={3}>
              {item.attributeReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title="保密审查记录">
        {review ? (
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label="审查人">{review.byLabel}</Descriptions.Item>
            <Descriptions.Item label="审查时间">{atChina(review.at)}</Descriptions.Item>
            <Descriptions.Item label="审查结论">{review.conclusionLabel}</Descriptions.Item>
            {review.note && (
              <Descriptions.Item label="审查意见" span={3}>
                {review.note}
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">尚未进行保密审查（科室审核时作出）。</Typography.Text>
        )}
      </Card>
      <Card size="small" title="审核链">
        <Timeline
          aria-label="审核链"
          items={[
            { children: `${atChina(item.createdAt)}　拟稿登记　${drafter}` },
            ...item.steps.map((s) => ({
              color: s.type === 'return' ? 'red' : s.type === 'publish' ? 'green' : 'blue',
              children: (
                <span>
                  {atChina(s.at)}　{disclosureStepLabel(s.type)}　{s.byLabel}
                  {s.reason ? `　理由：${s.reason}` : ''}
                  {s.publishedOn ? `　发布日期：${s.publishedOn}` : ''}
                </span>
              ),
            })),
          ]}
        />
      </Card>
      {canHandle && (
        <Card size="small" title={editing ? '修改拟稿' : '办理'}>
          {editing ? (
            <DisclosureForm
              initial={item}
              submitLabel="保存修改"
              onCancel={() => setEditing(false)}
              save={async (content) => {
                const saved = await api.put<DisclosureView>(
                  `/agencies/${encodeURIComponent(item.agencyId)}/disclosures/${encodeURIComponent(item.id)}`,
                  { content, expectedVersion: item.version },
                );
                setItem(saved);
                setEditing(false);
              }}
            />
          ) : (
            <DisclosureActions
              key={item.version}
              item={item}
              role={session.user.role}
              onChanged={setItem}
              onEdit={() => setEditing(true)}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
