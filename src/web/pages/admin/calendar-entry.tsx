import { Alert, AutoComplete, Button, DatePicker, Form, Input, InputNumber, Space, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import type { ParsedNotice, ParsedSchedule } from './calendar-types.ts';

/** The festivals a notice names, offered first in the hand entry (any other name may be typed). */
const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '中秋节、国庆节'];

interface HandEntry {
  year: number;
  title: string;
  documentNumber?: string;
  issuedOn?: Dayjs;
  holidays?: { name: string; range: [Dayjs, Dayjs] }[];
  makeUpWorkdays?: { on: Dayjs }[];
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Pasting the notice's text (parsed by the server) or entering the ranges by hand; both end in a preview. */
export function CalendarEntry(props: { defaultYear: number; onParsed: (schedule: ParsedSchedule) => void }) {
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<HandEntry>();

  const parse = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const parsed = await api.post<ParsedNotice>('/calendar/parse', { text });
      props.onParsed(parsed.schedule);
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const fromHand = (values: HandEntry) => {
    props.onParsed({
      year: values.year,
      title: values.title,
      documentNumber: values.documentNumber?.trim() || null,
      issuedOn: values.issuedOn ? iso(values.issuedOn) : null,
      holidays: (values.holidays ?? []).map((h) => ({
        name: h.name,
        from: iso(h.range[0]),
        to: iso(h.range[1]),
      })),
      makeUpWorkdays: (values.makeUpWorkdays ?? []).map((m) => iso(m.on)).sort(),
    });
  };

  return (
    <Tabs
      items={[
        {
          key: 'paste',
          label: '粘贴通知全文',
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <label htmlFor="calendar-notice">
                国务院办公厅关于{props.defaultYear}年部分节假日安排的通知（从标题到落款日期，原样粘贴）
              </label>
              <Input.TextArea
                id="calendar-notice"
                rows={12}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={'一、元旦：1月1日（周五）放假，与周末连休，共3天。\n二、春节：……'}
              />
              {failure && <Alert type="error" showIcon title={failure} role="alert" />}
              <Button type="primary" onClick={parse} loading={busy} disabled={text.trim() === ''}>
                解析通知
              </Button>
            </Space>
          ),
        },
        {
          key: 'hand',
          label: '逐项录入',
          children: (
            <Form
              form={form}
              layout="vertical"
              onFinish={fromHand}
              initialValues={{
                year: props.defaultYear,
                title: `国务院办公厅关于${props.defaultYear}年部分节假日安排的通知`,
                holidays: [],
                makeUpWorkdays: [],
              }}
            >
              <Space wrap>
                <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber min={2000} max={2100} precision={0} />
                </Form.Item>
                <Form.Item name="documentNumber" label="文号">
                  <Input placeholder="国办发明电〔2026〕X号" style={{ width: 240 }} />
                </Form.Item>
                <Form.Item
                  name="issuedOn"
                  label="发布日期"
                  rules={[{ required: true, message: '请选择发布日期' }]}
                >
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item
                name="title"
                label="通知标题"
                rules={[{ required: true, message: '请填写通知标题' }]}
              >
                <Input />
              </Form.Item>
              <Form.List name="holidays">
                {(fields, { add, remove }) => (
                  <Form.Item label="放假安排">
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[{ required: true, message: '请填写节日' }]}
                          label="节日"
                        >
                          <AutoComplete
                            style={{ width: 160 }}
                            options={FESTIVALS.map((f) => ({ value: f }))}
                            aria-label="节日"
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'range']}
                          rules={[{ required: true, message: '请选择放假起止日期' }]}
                          label="放假起止"
                        >
                          <DatePicker.RangePicker />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)}>删除</Button>
                      </Space>
                    ))}
                    <Button onClick={() => add()}>添加放假安排</Button>
                  </Form.Item>
                )}
              </Form.List>
              <Form.List name="makeUpWorkdays">
                {(fields, { add, remove }) => (
                  <Form.Item label="调休上班日">
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item
                          name={[field.name, 'on']}
                          rules={[{ required: true, message: '请选择上班日期' }]}
                          label="上班日期"
                        >
                          <DatePicker />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)}>删除</Button>
                      </Space>
                    ))}
                    <Button onClick={() => add()}>添加调休上班日</Button>
                  </Form.Item>
                )}
              </Form.List>
              <Button type="primary" htmlType="submit">
                预览
              </Button>
            </Form>
          ),
        },
      ]}
    />
  );
}
