import { Alert, InputNumber, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAgencyChoice } from '../use-agency-choice.tsx';
import { ChannelsTab } from './channels-tab.tsx';
import { EvaluationsTab } from './evaluations-tab.tsx';
import { FiguresTab } from './figures-tab.tsx';
import { InterpretationsTab } from './interpretations-tab.tsx';
import { MeetingsTab } from './meetings-tab.tsx';
import { ProposalsTab } from './proposals-tab.tsx';
import { TasksTab } from './tasks-tab.tsx';
import { TrainingsTab } from './trainings-tab.tsx';

const TABS = [
  { key: 'interpretations', label: '政策解读', Tab: InterpretationsTab },
  { key: 'evaluations', label: '政府开放日/公众参与', Tab: EvaluationsTab },
  { key: 'proposals', label: '建议提案', Tab: ProposalsTab },
  { key: 'trainings', label: '培训', Tab: TrainingsTab },
  { key: 'meetings', label: '会议与责任追究', Tab: MeetingsTab },
  { key: 'channels', label: '发布平台', Tab: ChannelsTab },
  { key: 'tasks', label: '工作要点落实', Tab: TasksTab },
  { key: 'figures', label: '年度情况', Tab: FiguresTab },
] as const;

/**
 * 公开工作台账: the work besides applications that sections 一 and 六 of the annual report account
 * for, per agency and year. Officers and reviewers keep their agency's; supervisors and admins read.
 */
export function WorkRecordsPage() {
  const { agencyId, picker, failure, canHandle } = useAgencyChoice();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear() - 1;
  const tab = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : TABS[0].key;
  const [yearInput, setYearInput] = useState<number | null>(year);
  const go = (next: { year?: number; tab?: string }) =>
    setParams({ year: String(next.year ?? year), tab: next.tab ?? tab }, { replace: true });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        公开工作台账
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        年度报告第一部分（总体情况）和第六部分（其他需要报告的事项）据此起草：请随时登记，不必等到年底凭记忆补填。
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      <Space wrap>
        {picker}
        <span>年度</span>
        <InputNumber
          aria-label="年度"
          min={2008}
          max={2100}
          precision={0}
          value={yearInput}
          onChange={(v) => {
            setYearInput(v);
            if (v !== null && v >= 2008 && v <= 2100) go({ year: v });
          }}
        />
        {!canHandle && <Typography.Text type="secondary">（只读）</Typography.Text>}
      </Space>
      {agencyId && (
        <Tabs
          activeKey={tab}
          onChange={(key) => go({ tab: key })}
          destroyOnHidden
          items={TABS.map(({ key, label, Tab }) => ({
            key,
            label,
            children: (
              <Tab key={`${agencyId}-${year}`} agencyId={agencyId} year={year} canHandle={canHandle} />
            ),
          }))}
        />
      )}
    </Space>
  );
}
