import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  APPLICATION_EVENT_LABELS,
  type ApplicationEvent,
  type Outcome,
} from '../../../core/applications/application.ts';
import {
  countedOutcome,
  MIXED_OUTCOME_RULE_LABELS,
  type MixedOutcomeRule,
} from '../../../core/applications/mixed-outcome.ts';
import { TABLE3_OUTCOME_KEYS, type Table3RowKey, table3FullLabel } from '../../../core/report/labels.ts';
import { ApiError, api, fieldErrors, messageOf } from '../../api/client.ts';
import { whileBusy } from '../while-busy.ts';
import { STEP_FIELDS, type StepField, stepsOffered } from './step-fields.ts';

type EventType = ApplicationEvent['type'];

function fieldInput(field: StepField) {
  switch (field.kind) {
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'int':
      return <InputNumber min={1} precision={0} style={{ width: '100%' }} />;
    case 'count':
      return <InputNumber min={0} precision={0} style={{ width: '100%' }} />;
    case 'feeMethod':
      return (
        <Radio.Group
          options={[
            { value: 'per-page', label: '按量（页数）' },
            { value: 'per-application', label: '按件（申请件数）' },
          ]}
        />
      );
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
    case 'outcomes':
      return (
        <Select
          showSearch
          allowClear={field.kind === 'outcomes'}
          mode={field.kind === 'outcomes' ? 'multiple' : undefined}
          optionFilterProp="label"
          options={TABLE3_OUTCOME_KEYS.map((k) => ({ value: k, label: table3FullLabel(k) }))}
        />
      );
    default:
      return <Input maxLength={200} />;
  }
}

/** The API event of a step from the form's values: dates as ISO dates, empty fields left out. */
function eventOf(type: EventType, values: Record<string, unknown>): Record<string, unknown> {
  const event: Record<string, unknown> = { type };
  for (const field of activeFields(type, values)) {
    const value = valueAt(values, field.name);
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const path = field.name.split('.');
    let into = event;
    for (const key of path.slice(0, -1)) {
      into[key] ??= {};
      into = into[key] as Record<string, unknown>;
    }
    into[path.at(-1)!] = field.kind === 'date' ? (value as Dayjs).format('YYYY-MM-DD') : value;
  }
  return event;
}

/** A form value by a dotted name (the form keeps nested fields nested). */
function valueAt(values: Record<string, unknown>, name: string): unknown {
  return name
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], values);
}

/** The fields of a step that apply to the values chosen so far. */
function activeFields(type: EventType, values: Record<string, unknown>): StepField[] {
  return STEP_FIELDS[type].filter((f) => !f.when || valueAt(values, f.when.field) === f.when.is);
}

function shownValue(field: StepField, value: unknown): string {
  if (field.kind === 'outcome') return table3FullLabel(value as Table3RowKey);
  if (field.kind === 'outcomes') return (value as Table3RowKey[]).map(table3FullLabel).join('；');
  if (field.kind === 'party') return value === 'agency' ? '其他机关' : '第三方';
  if (field.kind === 'feeMethod') return value === 'per-application' ? '按件' : '按量';
  return String(value);
}

/** What will be recorded, field by field; for an answer, the table-三 row it is counted in. */
function StepSummary(props: { type: EventType; event: Record<string, unknown> }) {
  const { type, event } = props;
  const fields = STEP_FIELDS[type].filter((f) => valueAt(event, f.name) !== undefined);
  const counted =
    type === 'answered'
      ? countedOutcome(event.outcome as Outcome, (event.secondaryOutcomes as Outcome[] | undefined) ?? [])
      : null;
  return (
    <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
      {fields.map((f) => (
        <Descriptions.Item key={f.name} label={f.label}>
          {shownValue(f, valueAt(event, f.name))}
        </Descriptions.Item>
      ))}
      {counted && <Descriptions.Item label="计入年度报告表三">{table3FullLabel(counted)}</Descriptions.Item>}
    </Descriptions>
  );
}

/** Records the next procedural step of an application; a stale page gets a clear 409 message. */
export function StepForm(props: {
  agencyId: string;
  applicationId: string;
  status: string;
  version: number;
  /** The region's convention for several outcomes (§A.6): under 一事一申请 an answer has one. */
  mixedOutcomeRule: MixedOutcomeRule;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const oneOutcomeOnly = props.mixedOutcomeRule === 'separate-applications';
  const [type, setType] = useState<EventType | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const steps = stepsOffered(props.status);
  if (steps.length === 0) return <Alert type="info" title="本申请已办结，不能再记录办理步骤。" />;

  // Every step is irreversible: the form only asks for confirmation, and the dialog records.
  const submit = async (event: Record<string, unknown>) => {
    if (!type || busy) return;
    setPending(null);
    setFailure(null);
    await whileBusy(
      setBusy,
      setFailure,
      async () => {
        await api.post(
          `/agencies/${encodeURIComponent(props.agencyId)}/applications/${encodeURIComponent(props.applicationId)}/events`,
          { event, expectedVersion: props.version },
        );
        form.resetFields();
        setType(null);
        props.onSaved();
      },
      (e) => {
        // A field's message stands beside the field, once; the alert then only points to them
        // (never the raw “请求参数有误：event.days：…”).
        const fields = fieldErrors(e).map((f) => ({ ...f, name: f.name.filter((n) => n !== 'event') }));
        const shown = fields.filter((f) =>
          STEP_FIELDS[type].some((field) => field.name === f.name.join('.')),
        );
        if (shown.length > 0) form.setFields(shown as never);
        return e instanceof ApiError && e.status === 409
          ? `${e.message}（请刷新页面查看最新情况）`
          : shown.length > 0 && shown.length === fields.length
            ? '请按标出的提示修改后再记录'
            : messageOf(e);
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => type && setPending(eventOf(type, values))}
      // Enter in a field never records a step (only in a text area it starts a new line).
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
      }}
    >
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
      {type && (
        // Re-rendered as values change: a field with a condition shows only while it holds.
        <Form.Item noStyle shouldUpdate>
          {() =>
            activeFields(type, form.getFieldsValue(true))
              .filter((field) => !(oneOutcomeOnly && field.name === 'secondaryOutcomes'))
              .map((field) => (
                <Form.Item
                  key={field.name}
                  name={field.name.split('.')}
                  label={field.label}
                  rules={field.required ? [{ required: true, message: `请填写${field.label}` }] : []}
                >
                  {fieldInput(field)}
                </Form.Item>
              ))
          }
        </Form.Item>
      )}
      {type === 'answered' && oneOutcomeOnly && (
        <Alert
          type="info"
          showIcon
          title={`本地区统计口径：${MIXED_OUTCOME_RULE_LABELS['separate-applications']}。`}
          style={{ marginBottom: 12 }}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} disabled={!type}>
        记录
      </Button>
      <Modal
        open={pending !== null && type !== null}
        title={`确认记录“${type ? APPLICATION_EVENT_LABELS[type] : ''}”？`}
        okText="确认记录"
        cancelText="返回修改"
        onOk={() => pending && submit(pending)}
        onCancel={() => setPending(null)}
      >
        {pending && type && <StepSummary type={type} event={pending} />}
        <Alert type="warning" showIcon title="办理步骤记录后不能撤销或修改，并写入审计日志。" />
      </Modal>
    </Form>
  );
}
