import { Card, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  type AccountabilityCase,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type Meeting,
  type MeetingKind,
} from '../../../core/work-records/work-records.ts';
import { byHeldOn, heldOnColumn } from './held-on-column.ts';
import { KindField, RequiredDateField } from './record-fields.tsx';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';
import { fromDay, toDay } from './work-records-api.ts';

interface MeetingValues {
  kind: MeetingKind;
  heldOn: Dayjs | null;
  topic: string;
}

const MEETINGS: WorkRecordTabConfig<'meeting', MeetingValues> = {
  kind: 'meeting',
  noun: '会议',
  order: byHeldOn,
  columns: [
    heldOnColumn(),
    { title: '类型', width: 280, render: (_, r) => MEETING_KIND_LABELS[r.data.kind] },
    { title: '议题', render: (_, r) => r.data.topic },
  ],
  blank: () => ({ kind: 'specialMeeting' }),
  toForm: (d) => ({ ...d, heldOn: toDay(d.heldOn) }),
  fromForm: (v): Meeting => ({ kind: v.kind, heldOn: fromDay(v.heldOn) ?? '', topic: v.topic }),
  fields: () => (
    <>
      <Space wrap align="start">
        <KindField label="会议类型" kinds={MEETING_KINDS} labels={MEETING_KIND_LABELS} width={300} />
        <RequiredDateField name="heldOn" label="会议日期" />
      </Space>
      <Form.Item
        name="topic"
        label="议题"
        rules={[{ required: true, whitespace: true, message: '请填写议题' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </>
  ),
};

interface CaseValues {
  decidedOn: Dayjs | null;
  description: string;
}

const CASES: WorkRecordTabConfig<'accountability', CaseValues> = {
  kind: 'accountability',
  noun: '责任追究',
  order: (a, b) => a.data.decidedOn.localeCompare(b.data.decidedOn),
  columns: [
    { title: '决定日期', width: 120, render: (_, r) => r.data.decidedOn },
    { title: '情况（不含个人信息）', render: (_, r) => r.data.description },
  ],
  blank: () => ({}),
  toForm: (d) => ({ ...d, decidedOn: toDay(d.decidedOn) }),
  fromForm: (v): AccountabilityCase => ({
    decidedOn: fromDay(v.decidedOn) ?? '',
    description: v.description,
  }),
  fields: () => (
    <>
      <RequiredDateField name="decidedOn" label="决定日期" />
      <Form.Item
        name="description"
        label="情况（事由及处理结果，不填写个人信息）"
        rules={[{ required: true, whitespace: true, message: '请填写责任追究情况' }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
    </>
  ),
};

/** Meetings on 政务公开 and cases of accountability (责任追究). */
export function MeetingsTab(props: WorkTabProps) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="会议">
        <WorkRecordTab {...props} config={MEETINGS} />
      </Card>
      <Card size="small" title="责任追究">
        <WorkRecordTab {...props} config={CASES} />
      </Card>
    </Space>
  );
}
