import { Checkbox, Form, Input, InputNumber } from 'antd';
import type { WorkYearFigures } from '../../../core/work-records/work-records.ts';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';
import { textOrNull } from './work-records-api.ts';

interface Values {
  inAnnualAssessment: boolean;
  workGroupsCleaned: number | null;
  workPlanTitle: string | null;
  processingFeesYuan: number | null;
}

const CONFIG: WorkRecordTabConfig<'figures', Values> = {
  kind: 'figures',
  noun: '年度情况',
  single: true,
  columns: [
    { title: '年度', width: 80, render: (_, r) => r.data.year },
    { title: '纳入年度考核', width: 120, render: (_, r) => (r.data.inAnnualAssessment ? '是' : '否') },
    {
      title: '清理整合工作群（个）',
      width: 170,
      align: 'right',
      render: (_, r) => r.data.workGroupsCleaned ?? '未登记',
    },
    {
      title: '信息处理费（元）',
      width: 140,
      align: 'right',
      render: (_, r) => r.data.processingFeesYuan ?? '未登记',
    },
    { title: '年度政务公开工作要点', render: (_, r) => r.data.workPlanTitle ?? '—' },
  ],
  blank: (year) => ({
    inAnnualAssessment: true,
    workGroupsCleaned: null,
    workPlanTitle: `${year}年政务公开工作要点`,
    processingFeesYuan: null,
  }),
  toForm: (d) => ({
    inAnnualAssessment: d.inAnnualAssessment,
    workGroupsCleaned: d.workGroupsCleaned,
    workPlanTitle: d.workPlanTitle,
    processingFeesYuan: d.processingFeesYuan,
  }),
  fromForm: (v, year): WorkYearFigures => ({
    year,
    inAnnualAssessment: v.inAnnualAssessment ?? false,
    workGroupsCleaned: v.workGroupsCleaned ?? null,
    workPlanTitle: textOrNull(v.workPlanTitle),
    processingFeesYuan: v.processingFeesYuan ?? null,
  }),
  fields: () => (
    <>
      <Form.Item name="inAnnualAssessment" valuePropName="checked">
        <Checkbox>政务公开工作纳入本机关年度绩效考核</Checkbox>
      </Form.Item>
      <Form.Item name="workGroupsCleaned" label="本年清理整合工作群（个）" extra="没有填0；不清楚可不填">
        <InputNumber min={0} precision={0} />
      </Form.Item>
      <Form.Item
        name="processingFeesYuan"
        label="本年收取信息处理费（元）"
        extra="未收取填0；年度报告第六部分据此填写"
      >
        <InputNumber min={0} precision={2} />
      </Form.Item>
      <Form.Item name="workPlanTitle" label="本年政务公开工作要点的标题（工作要点任务据此落实）">
        <Input maxLength={500} />
      </Form.Item>
    </>
  ),
};

/** The agency-year's own figures: annual assessment, work groups cleaned, the year's plan. */
export function FiguresTab(props: WorkTabProps) {
  return <WorkRecordTab {...props} config={CONFIG} />;
}
