import { Form, Input, InputNumber, Typography } from 'antd';
import type { WorkPlanTask } from '../../../core/work-records/work-records.ts';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';

interface Values {
  position: number;
  title: string;
  implementation: string;
}

const CONFIG: WorkRecordTabConfig<'task', Values> = {
  kind: 'task',
  noun: '工作要点任务',
  modalWidth: 760,
  order: (a, b) => a.data.position - b.data.position,
  columns: [
    { title: '序号', width: 70, align: 'right', render: (_, r) => r.data.position },
    { title: '任务', width: 280, render: (_, r) => r.data.title },
    {
      title: '落实情况',
      render: (_, r) =>
        r.data.implementation ? (
          <Typography.Paragraph
            ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
            style={{ margin: 0 }}
          >
            {r.data.implementation}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="warning">尚未填写</Typography.Text>
        ),
    },
  ],
  blank: (_, records) => ({
    implementation: '',
    position: records.reduce((max, r) => Math.max(max, r.data.position), 0) + 1,
  }),
  toForm: (d) => ({ position: d.position, title: d.title, implementation: d.implementation }),
  fromForm: (v, year): WorkPlanTask => ({
    year,
    position: v.position,
    title: v.title,
    implementation: v.implementation ?? '',
  }),
  fields: () => (
    <>
      <Form.Item
        name="position"
        label="序号（在工作要点中的次序）"
        rules={[{ required: true, message: '请填写序号' }]}
      >
        <InputNumber min={1} precision={0} />
      </Form.Item>
      <Form.Item
        name="title"
        label="任务"
        rules={[{ required: true, whitespace: true, message: '请填写任务' }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="implementation" label="落实情况（将按序写入年度报告第六部分）">
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} />
      </Form.Item>
    </>
  ),
};

/** The year's 政务公开工作要点, task by task in order, with how each was carried out. */
export function TasksTab(props: WorkTabProps) {
  return <WorkRecordTab {...props} config={CONFIG} />;
}
