import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { PublicationChannelRecord } from '../../../core/work-records/work-record-kinds.ts';
import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  type ChannelKind,
} from '../../../core/work-records/work-records.ts';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';
import { fromDay, textOrNull, toDay, type WorkRecordView } from './work-records-api.ts';

interface Values {
  kind: ChannelKind;
  name: string;
  openedOn: Dayjs | null;
  filedWith: string | null;
  filedOn: Dayjs | null;
  closedOn: Dayjs | null;
  years: Array<{ year: number; posts: number; followers: number | null }>;
}

function YearFields() {
  return (
    <Form.List name="years">
      {(items, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {items.map((item, i) => (
            <Space key={item.key} wrap align="start">
              <Form.Item
                name={[item.name, 'year']}
                label={i === 0 ? '年度' : undefined}
                rules={[{ required: true, message: '请填写年度' }]}
              >
                <InputNumber min={2008} max={2100} precision={0} aria-label="年度" />
              </Form.Item>
              <Form.Item
                name={[item.name, 'posts']}
                label={i === 0 ? '年度发布信息（条）' : undefined}
                rules={[{ required: true, message: '请填写发布条数' }]}
              >
                <InputNumber min={0} precision={0} aria-label="年度发布信息（条）" />
              </Form.Item>
              <Form.Item
                name={[item.name, 'followers']}
                label={i === 0 ? '年末关注人数（网站不填）' : undefined}
              >
                <InputNumber min={0} precision={0} aria-label="年末关注人数" />
              </Form.Item>
              <Button
                type="link"
                danger
                onClick={() => remove(item.name)}
                style={{ marginTop: i === 0 ? 30 : 0 }}
              >
                移除
              </Button>
            </Space>
          ))}
          <Button onClick={() => add({ posts: 0, followers: null })}>添加年度数据</Button>
        </Space>
      )}
    </Form.List>
  );
}

function configFor(year: number): WorkRecordTabConfig<'channel', Values> {
  const figures = (r: WorkRecordView<'channel'>) => r.data.years.find((y) => y.year === year);
  return {
    kind: 'channel',
    noun: '发布平台',
    acrossYears: true,
    modalWidth: 720,
    order: (a, b) => CHANNEL_KINDS.indexOf(a.data.kind) - CHANNEL_KINDS.indexOf(b.data.kind),
    columns: [
      { title: '类型', width: 120, render: (_, r) => CHANNEL_KIND_LABELS[r.data.kind] },
      { title: '名称', render: (_, r) => r.data.name },
      {
        title: '备案',
        width: 280,
        render: (_, r) =>
          r.data.filedWith ? (
            `${r.data.filedWith}${r.data.filedOn ? `（${r.data.filedOn}）` : ''}`
          ) : (
            <Tag color="orange">未备案</Tag>
          ),
      },
      {
        title: '状态',
        width: 150,
        render: (_, r) =>
          r.data.closedOn ? <Tag>已于 {r.data.closedOn} 关停</Tag> : <Tag color="green">运行中</Tag>,
      },
      {
        title: `${year}年发布（条）`,
        width: 130,
        align: 'right',
        render: (_, r) => figures(r)?.posts ?? <Tag>未填</Tag>,
      },
      {
        title: `${year}年末关注人数`,
        width: 140,
        align: 'right',
        render: (_, r) => figures(r)?.followers ?? '—',
      },
    ],
    blank: () => ({ kind: 'website', years: [{ year, posts: 0, followers: null }] }),
    toForm: (d) => ({
      ...d,
      openedOn: toDay(d.openedOn),
      filedOn: toDay(d.filedOn),
      closedOn: toDay(d.closedOn),
      years: d.years,
    }),
    fromForm: (v): PublicationChannelRecord => ({
      kind: v.kind,
      name: v.name,
      openedOn: fromDay(v.openedOn),
      filedWith: textOrNull(v.filedWith),
      filedOn: fromDay(v.filedOn),
      closedOn: fromDay(v.closedOn),
      years: (v.years ?? []).map((y) => ({
        year: y.year,
        posts: y.posts ?? 0,
        followers: y.followers ?? null,
      })),
    }),
    fields: () => (
      <>
        <Space wrap align="start">
          <Form.Item name="kind" label="平台类型" rules={[{ required: true, message: '请选择平台类型' }]}>
            <Select
              style={{ width: 160 }}
              options={CHANNEL_KINDS.map((k) => ({ value: k, label: CHANNEL_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label="平台名称"
            rules={[{ required: true, whitespace: true, message: '请填写平台名称' }]}
          >
            <Input maxLength={200} style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="openedOn" label="开通日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="closedOn" label="关停（注销）日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="filedWith" label="备案单位（未备案不填）">
            <Input maxLength={200} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="filedOn" label="备案日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <YearFields />
      </>
    ),
  };
}

/** 政府网站 and 政务新媒体 the agency runs: 备案, open or closed, posts and followers per year. */
export function ChannelsTab(props: WorkTabProps) {
  const config = useMemo(() => configFor(props.year), [props.year]);
  return <WorkRecordTab {...props} config={config} />;
}
