import { Alert, Button, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../layout/session.tsx';
import { CalendarTab } from './calendar-tab.tsx';
import { OrganisationTab } from './organisation-tab.tsx';
import { nextSetupStep, type SetupCounts, setupSummary } from './setup-progress.ts';
import { useOrganisation } from './use-organisation.ts';
import { UsersTab } from './users-tab.tsx';

/** System administration: users and roles, regions and agencies, the holiday calendar. */
export function AdminPage() {
  const session = useSession();
  const { regions, agencies, allRegions, allAgencies, counts, failure, reload } = useOrganisation();
  const [params, setParams] = useSearchParams();
  const openTab = (tab: string) => setParams({ tab }, { replace: true });
  if (session.user.role !== 'admin')
    return <Alert type="warning" showIcon title="只有系统管理员可以使用系统管理" />;
  return (
    <>
      <Typography.Title level={3}>系统管理</Typography.Title>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      {counts && <SetupOverview counts={counts} onOpen={openTab} />}
      <Tabs
        activeKey={params.get('tab') ?? 'users'}
        onChange={openTab}
        items={[
          {
            key: 'users',
            label: '用户与角色',
            children: <UsersTab agencies={agencies} regions={regions} onChanged={reload} />,
          },
          {
            key: 'organisation',
            label: '行政区划与机关',
            children: <OrganisationTab regions={allRegions} agencies={allAgencies} onChanged={reload} />,
          },
          { key: 'calendar', label: '节假日安排', children: <CalendarTab /> },
        ]}
      />
    </>
  );
}

/** What the first run has set up, and the next step (行政区划 → 机关 → 用户) with a button to it. */
function SetupOverview(props: { counts: SetupCounts; onOpen: (tab: string) => void }) {
  const next = nextSetupStep(props.counts);
  const summary = setupSummary(props.counts);
  return (
    <Alert
      data-testid="setup-overview"
      style={{ marginBottom: 16 }}
      type={next ? 'info' : 'success'}
      showIcon
      title={next ? `${summary} — 下一步：${next.label}` : `${summary} — 基础设置已完成`}
      description={
        next
          ? next.hint
          : '经办人可以登记和办理申请，主管部门可以查看本地区各机关的年度报告；节假日安排请每年12月按国务院办公厅通知录入。'
      }
      action={
        next && (
          <Button type="primary" onClick={() => props.onOpen(next.tab)}>
            {next.label}
          </Button>
        )
      }
    />
  );
}
