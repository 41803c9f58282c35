import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  EVALUATION_KIND_LABELS,
  EVALUATION_KINDS,
  type EvaluationEvent,
  type EvaluationKind,
  SUGGESTION_HANDLING_LABELS,
  SUGGESTION_HANDLINGS,
  type SuggestionHandling,
} from '../../../core/work-records/work-records.ts';
import { byHeldOn } from './held-on-column.ts';
import { KindField, RequiredDateField } from './record-fields.tsx';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';
import { fromDay, toDay } from './work-records-api.ts';

interface SuggestionValues {
  content: string;
  receivedOn: Dayjs | null;
  handling: SuggestionHandling;
  handledOn: Dayjs | null;
}

interface Values {
  kind: EvaluationKind;
  theme: string;
  heldOn: Dayjs | null;
  endsOn: Dayjs | null;
  participants: number | null;
  formsHandedOut: number | null;
  suggestions: SuggestionValues[];
}

function SuggestionFields() {
  return (
    <Form.List name="suggestions">
      {(items, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {items.map((item, i) => (
            <Card
              key={item.key}
              size="small"
              title={`意见建议 ${i + 1}`}
              extra={
                <Button size="small" type="link" danger onClick={() => remove(item.name)}>
                  移除
                </Button>
              }
            >
              <Form.Item
                name={[item.name, 'content']}
                label="内容"
                rules={[{ required: true, whitespace: true, message: '请填写意见建议内容' }]}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item
                  name={[item.name, 'receivedOn']}
                  label="收到日期"
                  rules={[{ required: true, message: '请选择收到日期' }]}
                >
                  <DatePicker />
                </Form.Item>
                <Form.Item name={[item.name, 'handling']} label="办理情况">
                  <Select
                    style={{ width: 190 }}
                    options={SUGGESTION_HANDLINGS.map((h) => ({
                      value: h,
                      label: SUGGESTION_HANDLING_LABELS[h],
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'handledOn']}
                  label="办理日期（办理中不填）"
                  dependencies={[['suggestions', item.name, 'handling']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, value) => {
                        const pending = getFieldValue(['suggestions', item.name, 'handling']) === 'pending';
                        if (!pending && !value)
                          return Promise.reject(new Error('已办理的意见建议请选择办理日期'));
                        if (pending && value)
                          return Promise.reject(new Error('办理中的意见建议不填办理日期'));
                        return Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <DatePicker />
                </Form.Item>
              </Space>
            </Card>
          ))}
          <Button onClick={() => add({ handling: 'adopted', content: '' })}>添加意见建议</Button>
        </Space>
      )}
    </Form.List>
  );
}

const suggestionsOf = (r: { data: EvaluationEvent }) => r.data.suggestions;

const CONFIG: WorkRecordTabConfig<'evaluation', Values> = {
  kind: 'evaluation',
  noun: '公众参与活动',
  modalWidth: 760,
  order: byHeldOn,
  columns: [
    {
      title: '日期',
      width: 190,
      render: (_, r) => (r.data.endsOn ? `${r.data.heldOn} 至 ${r.data.endsOn}` : r.data.heldOn),
    },
    { title: '类型', width: 120, render: (_, r) => EVALUATION_KIND_LABELS[r.data.kind] },
    { title: '活动主题', render: (_, r) => r.data.theme },
    { title: '参加人数', width: 90, align: 'right', render: (_, r) => r.data.participants ?? '未登记' },
    {
      title: '发放征求意见表',
      width: 120,
      align: 'right',
      render: (_, r) => r.data.formsHandedOut ?? '未登记',
    },
    { title: '收到意见建议', width: 110, align: 'right', render: (_, r) => suggestionsOf(r).length },
    {
      title: '已采纳',
      width: 80,
      align: 'right',
      render: (_, r) => suggestionsOf(r).filter((s) => s.handling === 'adopted').length,
    },
    {
      title: '办理中',
      width: 80,
      align: 'right',
      render: (_, r) => suggestionsOf(r).filter((s) => s.handling === 'pending').length,
    },
  ],
  footer: (records) => {
    const known = records.every((r) => r.data.participants !== null);
    const people = records.reduce((n, r) => n + (r.data.participants ?? 0), 0);
    return `共 ${records.length} 次活动，参加 ${people} 人次${known ? '' : '（部分活动未登记人数）'}，收到意见建议 ${records.reduce((n, r) => n + r.data.suggestions.length, 0)} 条`;
  },
  blank: () => ({ kind: 'openDay', participants: null, formsHandedOut: null, suggestions: [] }),
  toForm: (d) => ({
    ...d,
    heldOn: toDay(d.heldOn),
    endsOn: toDay(d.endsOn),
    suggestions: d.suggestions.map((s) => ({
      ...s,
      receivedOn: toDay(s.receivedOn),
      handledOn: toDay(s.handledOn),
    })),
  }),
  fromForm: (v): EvaluationEvent => ({
    kind: v.kind,
    theme: v.theme,
    heldOn: fromDay(v.heldOn) ?? '',
    endsOn: fromDay(v.endsOn),
    participants: v.participants ?? null,
    formsHandedOut: v.formsHandedOut ?? null,
    suggestions: (v.suggestions ?? []).map((s) => ({
      content: s.content ?? '',
      receivedOn: fromDay(s.receivedOn) ?? '',
      handling: s.handling,
      handledOn: fromDay(s.handledOn),
    })),
  }),
  fields: () => (
    <>
      <Space wrap align="start">
        <KindField label="活动类型" kinds={EVALUATION_KINDS} labels={EVALUATION_KIND_LABELS} width={180} />
        <RequiredDateField name="heldOn" label="活动日期" />
        <Form.Item name="endsOn" label="结束日期（开放周等多日活动）">
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item
        name="theme"
        label="活动主题"
        rules={[{ required: true, whitespace: true, message: '请填写活动主题' }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="participants" label="参加人数" extra="不清楚可不填，报告不写人数">
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="formsHandedOut" label="发放征求意见表（份）" extra="未发放填0，不清楚可不填">
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Space>
      <SuggestionFields />
    </>
  ),
};

/** 政府开放日、开放周等公众参与活动, each with the suggestions received and how each was handled. */
export function EvaluationsTab(props: WorkTabProps) {
  return <WorkRecordTab {...props} config={CONFIG} />;
}
