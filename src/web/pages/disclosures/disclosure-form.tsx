import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  DISCLOSURE_ATTRIBUTE_LABELS,
  DISCLOSURE_ATTRIBUTES,
  DISCLOSURE_CHANNEL_LABELS,
  DISCLOSURE_CHANNELS,
  type DisclosureAttribute,
  type DisclosureChannel,
  type DisclosureContent,
} from '../../../core/disclosures/disclosure.ts';
import { messageOf } from '../../api/client.ts';
import { serverFieldErrors } from '../../components/server-field-errors.ts';
import { whileBusy } from '../while-busy.ts';
import type { DisclosureView } from './disclosure-types.ts';

interface Values {
  title: string;
  category: string;
  channel: DisclosureChannel;
  documentNumber?: string;
  attribute: DisclosureAttribute;
  attributeReason?: string;
  createdOn: Dayjs;
}

const HINTS: [string, string[]][] = [
  ['title', ['信息标题']],
  ['category', ['信息类别']],
  ['channel', ['公开渠道']],
  ['documentNumber', ['文号']],
  ['attributeReason', ['理由']],
  ['attribute', ['公开属性']],
  ['createdOn', ['形成（变更）日期', '日期']],
];

const CATEGORY_SUGGESTIONS = ['机构职能', '政策文件', '规划计划', '财政信息', '人事信息', '公共服务', '其他'];

/**
 * The content of a proactive disclosure item (拟稿 or a returned draft's changes). `save` sends
 * it; a refusal is shown next to its field, and the button is busy while a request runs.
 */
export function DisclosureForm(props: {
  initial?: DisclosureView;
  submitLabel: string;
  save: (content: DisclosureContent) => Promise<void>;
  onCancel?: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const attribute = Form.useWatch('attribute', form);
  const i = props.initial;

  const submit = async (values: Values) => {
    if (busy) return;
    setFailure(null);
    await whileBusy(
      setBusy,
      setFailure,
      () =>
        props.save({
          title: values.title,
          category: values.category,
          channel: values.channel,
          documentNumber: values.documentNumber?.trim() ? values.documentNumber.trim() : null,
          attribute: values.attribute,
          attributeReason:
            values.attribute !== 'proactive' && values.attributeReason?.trim()
              ? values.attributeReason
              : null,
          createdOn: values.createdOn.format('YYYY-MM-DD'),
        }),
      (e) => {
        const fields = serverFieldErrors(e, HINTS);
        if (fields.length > 0) form.setFields(fields as never);
        return messageOf(e);
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      style={{ maxWidth: 720 }}
      initialValues={
        i
          ? {
              title: i.title,
              category: i.category,
              channel: i.channel,
              documentNumber: i.documentNumber ?? undefined,
              attribute: i.attribute,
              attributeReason: i.attributeReason ?? undefined,
              createdOn: dayjs(i.createdOn),
            }
          : { channel: 'website', attribute: 'proactive' }
      }
    >
      <Form.Item
        name="title"
        label="信息标题"
        rules={[{ required: true, whitespace: true, message: '请填写信息标题' }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Space wrap size="large" align="start">
        <Form.Item
          name="category"
          label="信息类别"
          rules={[{ required: true, whitespace: true, message: '请填写信息类别' }]}
        >
          <Input maxLength={100} style={{ width: 200 }} list="disclosure-categories" />
        </Form.Item>
        <Form.Item name="channel" label="公开渠道" rules={[{ required: true, message: '请选择公开渠道' }]}>
          <Select
            style={{ width: 160 }}
            options={DISCLOSURE_CHANNELS.map((c) => ({ value: c, label: DISCLOSURE_CHANNEL_LABELS[c] }))}
          />
        </Form.Item>
        <Form.Item name="documentNumber" label="文号">
          <Input maxLength={200} style={{ width: 220 }} />
        </Form.Item>
      </Space>
      <datalist id="disclosure-categories">
        {CATEGORY_SUGGESTIONS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Space wrap size="large" align="start">
        <Form.Item name="attribute" label="公开属性" rules={[{ required: true, message: '请选择公开属性' }]}>
          <Select
            style={{ width: 160 }}
            options={DISCLOSURE_ATTRIBUTES.map((a) => ({ value: a, label: DISCLOSURE_ATTRIBUTE_LABELS[a] }))}
          />
        </Form.Item>
        <Form.Item
          name="createdOn"
          label="信息形成（变更）日期"
          extra="条例第二十六条：自形成或者变更之日起20个工作日内公开"
          rules={[{ required: true, message: '请选择信息形成（变更）日期' }]}
        >
          <DatePicker style={{ width: 180 }} />
        </Form.Item>
      </Space>
      {attribute && attribute !== 'proactive' && (
        <Form.Item
          name="attributeReason"
          label="不予主动公开的理由及依据"
          rules={[
            { required: true, whitespace: true, message: '依申请公开或不予公开的，应当说明理由（法律依据）' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
