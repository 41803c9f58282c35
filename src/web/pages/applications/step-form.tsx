import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { APPLICATION_EVENT_LABELS, type ApplicationEvent } from '../../../core/applications/application.ts';
import { TABLE3_OUTCOME_KEYS, table3FullLabel } from '../../../core/report/labels.ts';
import { ApiError, api, fieldErrors, messageOf } from '../../api/client.ts';
import { STEP_FIELDS, type StepField, stepsOffered } from './step-fields.ts';

type EventType = ApplicationEvent['type'];

function fieldInput(field: StepField) {
  switch (field.kind) {
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'int':
      return <InputNumber min={1} precision={0} style={{ width: '100%' }} />;
    case 'longText':
      return <Input.TextArea rows={3} maxLength={2000} />;
    case 'party':
      return (
        <Radio.Group
          options={[
            { value: 'third-party', label: '第三方' },
            { value: 'agency', label: '其他机关' },
          ]}
        />
      );
    case 'outcome':
      return (
        <Select
          showSearch
          optionFilterProp="label"
          options={TABLE3_OUTCOME_KEYS.map((k) => ({ value: k, label: table3FullLabel(k) }))}
        />
      );
    default:
      return <Input maxLength={200} />;
  }
}

/** Records the next procedural step of a case; a stale page gets a clear 409 message. */
export function StepForm(props: {
  agencyId: string;
  applicationId: string;
  status: string;
  version: number;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const [type, setType] = useState<EventType | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const steps = stepsOffered(props.status);
  if (steps.length === 0) return <Alert type="info" title="本申请已办结，不能再记录办理步骤。" />;

  const submit = async (values: Record<string, unknown>) => {
    if (!type || busy) return;
    setBusy(true);
    setFailure(null);
    const event: Record<string, unknown> = { type };
    for (const field of STEP_FIELDS[type]) {
      const value = values[field.name];
      if (value === undefined || value === null || value === '') continue;
      event[field.name] = field.kind === 'date' ? (value as Dayjs).format('YYYY-MM-DD') : value;
    }
    try {
      await api.post(
        `/agencies/${encodeURIComponent(props.agencyId)}/applications/${encodeURIComponent(props.applicationId)}/events`,
        { event, expectedVersion: props.version },
      );
      form.resetFields();
      setType(null);
      props.onSaved();
    } catch (e) {
      // A field's message stands beside the field, once; the alert then only points to them
      // (never the raw “请求参数有误：event.days：…”).
      const fields = fieldErrors(e).map((f) => ({ ...f, name: f.name.filter((n) => n !== 'event') }));
      const shown = fields.filter((f) => STEP_FIELDS[type].some((field) => field.name === f.name[0]));
      if (shown.length > 0) form.setFields(shown as never);
      setFailure(
        e instanceof ApiError && e.status === 409
          ? `${e.message}（请刷新页面查看最新情况）`
          : shown.length > 0 && shown.length === fields.length
            ? '请按标出的提示修改后再记录'
            : messageOf(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item label="办理步骤" required>
        <Select
          aria-label="办理步骤"
          value={type}
          placeholder="选择要记录的步骤"
          onChange={(v: EventType) => {
            setType(v);
            setFailure(null);
          }}
          options={steps.map((s) => ({ value: s, label: APPLICATION_EVENT_LABELS[s] }))}
        />
      </Form.Item>
      {type &&
        STEP_FIELDS[type].map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            rules={field.required ? [{ required: true, message: `请填写${field.label}` }] : []}
          >
            {fieldInput(field)}
          </Form.Item>
        ))}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} disabled={!type}>
        记录
      </Button>
    </Form>
  );
}
