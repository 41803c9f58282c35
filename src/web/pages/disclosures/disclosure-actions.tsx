import { Alert, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import {
  SECRECY_CONCLUSION_LABELS,
  SECRECY_CONCLUSIONS,
  type SecrecyConclusion,
} from '../../../core/disclosures/disclosure.ts';
import type { Role } from '../../../core/organisation/role.ts';
import type { disclosureStepSchema } from '../../../server/routes/disclosures/disclosures.schema.ts';
import { ApiError, api, messageOf } from '../../api/client.ts';
import { serverFieldErrors } from '../../components/server-field-errors.ts';
import type { DisclosureView } from './disclosure-types.ts';

/** A review step as the API takes it. */
type Step = z.input<typeof disclosureStepSchema>;

const HINTS: [string, string[]][] = [
  ['secrecyConclusion', ['保密审查结论']],
  ['secrecyNote', ['保密审查意见']],
  ['reason', ['理由']],
  ['publishedOn', ['发布日期']],
];

/**
 * The steps of the review chain the user's role takes at the item's status: the officer submits
 * and publishes; a reviewer approves as 科室负责人 (with the 保密审查 conclusion) or as 分管领导,
 * or returns the item. Which reviewer may take which step is the server's rule: its refusal is shown.
 */
export function DisclosureActions(props: {
  item: DisclosureView;
  role: Role;
  onChanged: (item: DisclosureView) => void;
  onEdit: () => void;
}) {
  const { item, role } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [approveForm] = Form.useForm();

  const take = async (step: Step) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const changed = await api.post<DisclosureView>(
        `/agencies/${encodeURIComponent(item.agencyId)}/disclosures/${encodeURIComponent(item.id)}/steps`,
        { step, expectedVersion: item.version },
      );
      form.resetFields();
      approveForm.resetFields();
      props.onChanged(changed);
    } catch (e) {
      const fields = serverFieldErrors(e, HINTS).map((f) => ({
        ...f,
        name: f.name.filter((n) => n !== 'step'),
      }));
      if (fields.length > 0) {
        form.setFields(fields as never);
        approveForm.setFields(fields as never);
      }
      setFailure(
        e instanceof ApiError && e.status === 409 ? `${e.message}（请刷新页面查看最新情况）` : messageOf(e),
      );
    } finally {
      setBusy(false);
    }
  };

  const refusal = failure && (
    <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />
  );
  const returnForm = (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: { reason: string }) => take({ type: 'return', reason: v.reason })}
    >
      <Form.Item
        name="reason"
        label="退回理由"
        rules={[{ required: true, whitespace: true, message: '退回应说明理由' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" danger loading={busy}>
        退回修改
      </Button>
    </Form>
  );

  if (role === 'officer' && item.status === 'draft') {
    return (
      <>
        {refusal}
        <Space>
          <Button type="primary" loading={busy} onClick={() => take({ type: 'submit' })}>
            提交审核
          </Button>
          <Button onClick={props.onEdit} disabled={busy}>
            修改拟稿
          </Button>
        </Space>
      </>
    );
  }
  if (role === 'officer' && item.status === 'approved' && item.attribute === 'proactive') {
    return (
      <Form
        form={form}
        layout="inline"
        onFinish={(v: { publishedOn: Dayjs }) =>
          take({ type: 'publish', publishedOn: v.publishedOn.format('YYYY-MM-DD') })
        }
      >
        {refusal}
        <Form.Item
          name="publishedOn"
          label="发布日期"
          rules={[{ required: true, message: '请选择发布日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          发布
        </Button>
      </Form>
    );
  }
  if (role === 'reviewer' && item.status === 'submitted') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {refusal}
        <Form
          form={approveForm}
          layout="vertical"
          onFinish={(v: { secrecyConclusion: SecrecyConclusion; secrecyNote?: string }) =>
            take({
              type: 'sectionApprove',
              secrecyConclusion: v.secrecyConclusion,
              secrecyNote: v.secrecyNote?.trim() ? v.secrecyNote : null,
            })
          }
        >
          <Typography.Text strong>科室审核（科室负责人）及保密审查</Typography.Text>
          <Form.Item
            name="secrecyConclusion"
            label="保密审查结论"
            rules={[{ required: true, message: '请选择保密审查结论' }]}
          >
            <Select
              options={SECRECY_CONCLUSIONS.map((c) => ({ value: c, label: SECRECY_CONCLUSION_LABELS[c] }))}
            />
          </Form.Item>
          <Form.Item name="secrecyNote" label="保密审查意见">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            审核通过
          </Button>
        </Form>
        {returnForm}
      </Space>
    );
  }
  if (role === 'reviewer' && item.status === 'sectionApproved') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {refusal}
        <Typography.Text type="secondary">领导审批应由科室审核人以外的另一位审核人办理。</Typography.Text>
        <Button type="primary" loading={busy} onClick={() => take({ type: 'leaderApprove' })}>
          领导审批通过
        </Button>
        {returnForm}
      </Space>
    );
  }
  if (item.status === 'published') return <Typography.Text>已发布，不能再修改。</Typography.Text>;
  if (item.status === 'approved' && item.attribute !== 'proactive') {
    return <Typography.Text>审核链已完成（{item.attributeLabel}，不发布）。</Typography.Text>;
  }
  return <Typography.Text type="secondary">当前没有需要您办理的步骤。</Typography.Text>;
}
