import { Form, Input, InputNumber, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  type TrainingKind,
  type TrainingSession,
} from '../../../core/work-records/work-records.ts';
import { byHeldOn, heldOnColumn } from './held-on-column.ts';
import { KindField, RequiredDateField } from './record-fields.tsx';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';
import { fromDay, toDay } from './work-records-api.ts';

interface Values {
  kind: TrainingKind;
  title: string;
  heldOn: Dayjs | null;
  participants: number | null;
}

const CONFIG: WorkRecordTabConfig<'training', Values> = {
  kind: 'training',
  noun: '培训',
  order: byHeldOn,
  columns: [
    heldOnColumn(),
    { title: '类型', width: 110, render: (_, r) => TRAINING_KIND_LABELS[r.data.kind] },
    { title: '培训名称', render: (_, r) => r.data.title },
    { title: '参训人数', width: 100, align: 'right', render: (_, r) => r.data.participants ?? '未登记' },
  ],
  footer: (records) => {
    const held = records.filter((r) => r.data.kind === 'held');
    const known = records.every((r) => r.data.participants !== null);
    const people = records.reduce((n, r) => n + (r.data.participants ?? 0), 0);
    return `组织培训 ${held.length} 次、参加培训 ${records.length - held.length} 次，参训 ${people} 人次${known ? '' : '（部分培训未登记人数）'}`;
  },
  blank: () => ({ kind: 'held', participants: null }),
  toForm: (d) => ({ ...d, heldOn: toDay(d.heldOn) }),
  fromForm: (v): TrainingSession => ({
    kind: v.kind,
    title: v.title,
    heldOn: fromDay(v.heldOn) ?? '',
    participants: v.participants ?? null,
  }),
  fields: () => (
    <>
      <Form.Item
        name="title"
        label="培训名称"
        rules={[{ required: true, whitespace: true, message: '请填写培训名称' }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Space wrap align="start">
        <KindField label="类型" kinds={TRAINING_KINDS} labels={TRAINING_KIND_LABELS} width={140} />
        <RequiredDateField name="heldOn" label="培训日期" />
        <Form.Item name="participants" label="参训人数" extra="不清楚可不填">
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Space>
    </>
  ),
};

/** Training the agency ran or sent staff to. */
export function TrainingsTab(props: WorkTabProps) {
  return <WorkRecordTab {...props} config={CONFIG} />;
}
