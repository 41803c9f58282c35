import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Result, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../../../core/applications/application.ts';
import { CHANNEL_LABELS } from '../../../core/deadlines/read-timeline.ts';
import { api, messageOf } from '../../api/client.ts';
import type { ApplicationDetail } from '../../api/types.ts';
import {
  type ApplicantFormValues,
  ApplicantIdentityItems,
  RequestedFormItems,
} from '../../components/applicant-identity-items.tsx';
import { markFieldErrors } from '../../components/mark-field-errors.ts';
import { useSession } from '../../layout/session.tsx';

/** Channels whose receipt date is the day the agency confirms with the applicant (art. 31). */
const CONFIRMED_CHANNELS = new Set(['mail-ordinary', 'online', 'fax', 'email']);

interface RegisterValues extends ApplicantFormValues {
  channel: keyof typeof CHANNEL_LABELS;
  submittedOn: Dayjs;
  confirmedOn?: Dayjs;
}

/** Registers an application received at the counter, by post, fax or e-mail. */
export function RegisterPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const agencyId = params.get('agency') ?? session.user.agencyId;
  const [form] = Form.useForm<RegisterValues>();
  const channel = Form.useWatch('channel', form);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [registered, setRegistered] = useState<(ApplicationDetail & { followUpCode: string }) | null>(null);

  if (!agencyId) return <Alert type="warning" showIcon title="只有机关的经办人、审核人可以登记申请" />;

  const submit = async (values: RegisterValues) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const body = {
        ...values,
        submittedOn: values.submittedOn.format('YYYY-MM-DD'),
        confirmedOn: values.confirmedOn ? values.confirmedOn.format('YYYY-MM-DD') : null,
      };
      if (!CONFIRMED_CHANNELS.has(values.channel)) delete (body as { confirmedOn?: unknown }).confirmedOn;
      setRegistered(await api.post(`/agencies/${encodeURIComponent(agencyId)}/applications`, body));
    } catch (e) {
      setFailure(markFieldErrors(form, e) ? '请按红色提示修改后再提交' : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (registered) {
    const a = registered.application;
    return (
      <Result
        status="success"
        title={`已登记：受理编号 ${a.trackingNumber}`}
        subTitle="请将受理编号和查询码告知申请人（查询码只显示这一次）。"
        extra={[
          <Link key="application" to={`/workspace/applications/${a.id}?agency=${agencyId}`}>
            <Button type="primary">打开案卷</Button>
          </Link>,
          <Button
            key="again"
            onClick={() => {
              setRegistered(null);
              form.resetFields();
            }}
          >
            继续登记
          </Button>,
        ]}
      >
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="查询码">
            <Typography.Text copyable strong>
              {registered.followUpCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="收到申请之日">{a.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="答复期限">{registered.answerDueLabel}</Descriptions.Item>
        </Descriptions>
      </Result>
    );
  }

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>登记政府信息公开申请</h1>} style={{ maxWidth: 860 }}>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'in-person', applicantType: 'naturalPerson' }}
        scrollToFirstError
      >
        <Form.Item name="channel" label="申请方式" rules={[{ required: true, message: '请选择申请方式' }]}>
          <Select options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="submittedOn"
          label="提交、寄达或签收之日"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {channel && CONFIRMED_CHANNELS.has(channel) && (
          <Form.Item
            name="confirmedOn"
            label="与申请人确认之日（条例第三十一条）"
            rules={[{ required: true, message: '平信、互联网、传真、电子邮件须填写确认之日' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="applicantType" label="申请人类型">
          <Select options={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))} />
        </Form.Item>
        <ApplicantIdentityItems />
        <Form.Item name={['applicant', 'phone']} label="联系电话">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={['applicant', 'address']} label="通信地址">
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="description"
          label="所需政府信息的名称、文号或者特征性描述"
          rules={[{ required: true, whitespace: true, message: '请填写所需政府信息的描述' }]}
        >
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
        <RequestedFormItems deliveryRequired={false} />
        <Button type="primary" htmlType="submit" loading={busy}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
