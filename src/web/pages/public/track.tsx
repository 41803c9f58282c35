import { Alert, Button, Card, Descriptions, Form, Input, Select, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api, messageOf } from '../../api/client.ts';
import type { Tracking } from '../../api/types.ts';
import { markFieldErrors } from '../../components/mark-field-errors.ts';
import { agencyOptions, useAgencies } from '../use-agencies.ts';

interface TrackForm {
  agencyId: string;
  trackingNumber: string;
  code: string;
}

/** The applicant follows an application with the tracking number and the code given at submission. */
export function TrackPage() {
  const [form] = Form.useForm<TrackForm>();
  const { agencies, loading } = useAgencies();
  const location = useLocation();
  const initial = (location.state ?? {}) as Partial<TrackForm>;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [tracking, setTracking] = useState<Tracking | null>(null);

  const submit = async (values: TrackForm) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setTracking(await api.post<Tracking>('/public/track', values, { allowUnauthenticated: true }));
    } catch (e) {
      setTracking(null);
      setFailure(markFieldErrors(form, e) ? '请按红色提示修改后再提交' : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>办理进度查询</h1>}>
      <Form<TrackForm> form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="agencyId" label="受理机关" rules={[{ required: true, message: '请选择受理机关' }]}>
          <Select showSearch optionFilterProp="label" loading={loading} options={agencyOptions(agencies)} />
        </Form.Item>
        <Form.Item
          name="trackingNumber"
          label="受理编号"
          rules={[{ required: true, whitespace: true, message: '请填写受理编号' }]}
        >
          <Input placeholder="例如 2025-0042" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="code"
          label="查询码"
          rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          查询
        </Button>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} role="alert" />}
      {tracking && (
        <section aria-label="办理情况" style={{ marginTop: 24 }}>
          <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
            <Descriptions.Item label="受理编号">{tracking.trackingNumber}</Descriptions.Item>
            <Descriptions.Item label="办理状态">
              <Tag color={tracking.status === 'concluded' ? 'green' : tracking.overdue ? 'red' : 'blue'}>
                {tracking.statusLabel}
              </Tag>
              {tracking.overdue && <Tag color="red">已超过答复期限</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="收到申请之日">{tracking.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="答复期限">{tracking.answerDueLabel}</Descriptions.Item>
            {tracking.concludedOn && (
              <Descriptions.Item label="办结日期">{tracking.concludedOn}</Descriptions.Item>
            )}
            {tracking.outcomeLabel && (
              <Descriptions.Item label="办理结果">{tracking.outcomeLabel}</Descriptions.Item>
            )}
          </Descriptions>
          <h2 style={{ fontSize: 16, marginTop: 24 }}>办理步骤</h2>
          <Timeline items={tracking.steps.map((s) => ({ children: `${s.date}　${s.label}` }))} />
        </section>
      )}
    </Card>
  );
}
