import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../../../core/applications/application.ts';
import { api, messageOf } from '../../api/client.ts';
import type { PublicApplied } from '../../api/types.ts';
import {
  type ApplicantFormValues,
  ApplicantIdentityItems,
  RequestedFormItems,
} from '../../components/applicant-identity-items.tsx';
import { markFieldErrors } from '../../components/mark-field-errors.ts';
import { agencyOptions, useAgencies } from '../use-agencies.ts';

interface ApplyForm extends ApplicantFormValues {
  agencyId: string;
}

/** The art. 29 application form; after submission, the tracking number and the one-time code. */
export function ApplyPage() {
  const [form] = Form.useForm<ApplyForm>();
  const { agencies, loading, error } = useAgencies();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [applied, setApplied] = useState<(PublicApplied & { agencyId: string }) | null>(null);

  const submit = async (values: ApplyForm) => {
    if (submitting) return;
    setSubmitting(true);
    setFailure(null);
    try {
      const { agencyId, ...body } = values;
      const result = await api.post<PublicApplied>(
        `/public/agencies/${encodeURIComponent(agencyId)}/applications`,
        body,
        { allowUnauthenticated: true },
      );
      setApplied({ ...result, agencyId });
    } catch (e) {
      setFailure(markFieldErrors(form, e) ? '请按红色提示修改后再提交' : messageOf(e));
    } finally {
      setSubmitting(false);
    }
  };

  if (applied) {
    return (
      <Result
        status="success"
        title="申请已提交"
        subTitle="请记下受理编号和查询码：查询码只显示这一次，凭二者可查询办理进度。"
        extra={[
          <Link
            key="track"
            to="/track"
            state={{ agencyId: applied.agencyId, trackingNumber: applied.trackingNumber }}
          >
            <Button type="primary">查询办理进度</Button>
          </Link>,
        ]}
      >
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="受理机关">{applied.agencyName}</Descriptions.Item>
          <Descriptions.Item label="受理编号">
            <Typography.Text copyable strong data-testid="tracking-number">
              {applied.trackingNumber}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="查询码">
            <Typography.Text copyable strong data-testid="follow-up-code">
              {applied.followUpCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="收到申请之日">{applied.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="答复期限">
            {applied.answerDueOn ?? '以受理机关告知为准'}
          </Descriptions.Item>
        </Descriptions>
      </Result>
    );
  }

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>政府信息公开申请</h1>}>
      {error && (
        <Alert type="error" showIcon title={`无法读取机关列表：${error}`} style={{ marginBottom: 16 }} />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form<ApplyForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ applicantType: 'naturalPerson' }}
        scrollToFirstError
      >
        <Form.Item name="agencyId" label="受理机关" rules={[{ required: true, message: '请选择受理机关' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={loading}
            options={agencyOptions(agencies)}
            placeholder="输入名称查找"
            notFoundContent={
              loading
                ? null
                : agencies.length === 0
                  ? '本系统尚未添加机关，暂不能在线申请'
                  : '没有名称相符的机关'
            }
          />
        </Form.Item>
        <Form.Item
          name="applicantType"
          label="申请人类型"
          rules={[{ required: true, message: '请选择申请人类型' }]}
        >
          <Select options={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))} />
        </Form.Item>
        <ApplicantIdentityItems nameAutoComplete="name" />
        <Form.Item
          name={['applicant', 'phone']}
          label="联系电话"
          extra="电话、电子邮箱、通信地址至少填写一项。"
        >
          <Input maxLength={40} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name={['applicant', 'email']}
          label="电子邮箱"
          rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}
        >
          <Input maxLength={200} autoComplete="email" />
        </Form.Item>
        <Form.Item name={['applicant', 'address']} label="通信地址">
          <Input maxLength={500} autoComplete="street-address" />
        </Form.Item>
        <Form.Item
          name="description"
          label="所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述"
          rules={[{ required: true, whitespace: true, message: '请填写所需政府信息的描述' }]}
        >
          <Input.TextArea rows={5} maxLength={10000} showCount />
        </Form.Item>
        <RequestedFormItems deliveryRequired />
        <Button type="primary" htmlType="submit" loading={submitting} block>
          提交申请
        </Button>
      </Form>
    </Card>
  );
}
