import { DatePicker, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  PROPOSAL_KIND_LABELS,
  PROPOSAL_KINDS,
  PROPOSAL_ROLE_LABELS,
  PROPOSAL_ROLES,
  type Proposal,
  type ProposalKind,
  type ProposalRole,
} from '../../../core/work-records/work-records.ts';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';
import { fromDay, toDay } from './work-records-api.ts';

interface Values {
  kind: ProposalKind;
  role: ProposalRole;
  number: string;
  title: string;
  receivedOn: Dayjs | null;
  concludedOn: Dayjs | null;
  satisfactionPercent: number | null;
  resultPublishedOn: Dayjs | null;
}

const CONFIG: WorkRecordTabConfig<'proposal', Values> = {
  kind: 'proposal',
  noun: '建议提案',
  modalWidth: 720,
  order: (a, b) =>
    a.data.kind.localeCompare(b.data.kind) || a.data.receivedOn.localeCompare(b.data.receivedOn),
  columns: [
    { title: '类型', width: 120, render: (_, r) => PROPOSAL_KIND_LABELS[r.data.kind] },
    { title: '主办/协办', width: 90, render: (_, r) => PROPOSAL_ROLE_LABELS[r.data.role] },
    { title: '编号', width: 100, render: (_, r) => r.data.number },
    { title: '标题', render: (_, r) => r.data.title },
    { title: '收到日期', width: 110, render: (_, r) => r.data.receivedOn },
    {
      title: '办结',
      width: 110,
      render: (_, r) => r.data.concludedOn ?? <Tag color="orange">办理中</Tag>,
    },
    {
      title: '满意度',
      width: 80,
      align: 'right',
      render: (_, r) => (r.data.satisfactionPercent === null ? '—' : `${r.data.satisfactionPercent}%`),
    },
    {
      title: '办理结果公开',
      width: 120,
      render: (_, r) => r.data.resultPublishedOn ?? <Tag color="red">未公开</Tag>,
    },
  ],
  footer: (records) => {
    const npc = records.filter((r) => r.data.kind === 'npcSuggestion').length;
    const published = records.filter((r) => r.data.resultPublishedOn !== null).length;
    return `人大代表建议 ${npc} 件、政协委员提案 ${records.length - npc} 件，办理结果已公开 ${published} 件`;
  },
  blank: () => ({ kind: 'npcSuggestion', role: 'lead', satisfactionPercent: null }),
  toForm: (d) => ({
    ...d,
    receivedOn: toDay(d.receivedOn),
    concludedOn: toDay(d.concludedOn),
    resultPublishedOn: toDay(d.resultPublishedOn),
  }),
  fromForm: (v, year): Proposal => ({
    kind: v.kind,
    role: v.role,
    number: v.number,
    title: v.title,
    year,
    receivedOn: fromDay(v.receivedOn) ?? '',
    concludedOn: fromDay(v.concludedOn),
    satisfactionPercent: v.satisfactionPercent ?? null,
    resultPublishedOn: fromDay(v.resultPublishedOn),
  }),
  fields: () => (
    <>
      <Space wrap align="start">
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select
            style={{ width: 160 }}
            options={PROPOSAL_KINDS.map((k) => ({ value: k, label: PROPOSAL_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item name="role" label="主办或协办" rules={[{ required: true, message: '请选择主办或协办' }]}>
          <Select
            style={{ width: 110 }}
            options={PROPOSAL_ROLES.map((k) => ({ value: k, label: PROPOSAL_ROLE_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="number"
          label="编号"
          rules={[{ required: true, whitespace: true, message: '请填写编号' }]}
        >
          <Input maxLength={100} style={{ width: 140 }} placeholder="第12号" />
        </Form.Item>
      </Space>
      <Form.Item
        name="title"
        label="标题"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="concludedOn" label="办结日期（办理中不填）">
          <DatePicker />
        </Form.Item>
        <Form.Item name="satisfactionPercent" label="满意度（%）">
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="resultPublishedOn" label="办理结果公开日期">
          <DatePicker />
        </Form.Item>
      </Space>
    </>
  ),
};

/** 人大代表建议、政协委员提案: handling, satisfaction and whether the result was published. */
export function ProposalsTab(props: WorkTabProps) {
  return <WorkRecordTab {...props} config={CONFIG} />;
}
