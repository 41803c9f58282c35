import { Alert, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../layout/session.tsx';
import { CalendarTab } from './calendar-tab.tsx';
import { OrganisationTab } from './organisation-tab.tsx';
import { useOrganisation } from './use-organisation.ts';
import { UsersTab } from './users-tab.tsx';

/** System administration: users and roles, regions and agencies, the holiday calendar. */
export function AdminPage() {
  const session = useSession();
  const { regions, agencies, failure, reload } = useOrganisation();
  const [params, setParams] = useSearchParams();
  if (session.user.role !== 'admin')
    return <Alert type="warning" showIcon title="只有系统管理员可以使用系统管理" />;
  return (
    <>
      <Typography.Title level={3}>系统管理</Typography.Title>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      <Tabs
        activeKey={params.get('tab') ?? 'users'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={[
          { key: 'users', label: '用户与角色', children: <UsersTab agencies={agencies} regions={regions} /> },
          {
            key: 'organisation',
            label: '行政区划与机关',
            children: <OrganisationTab regions={regions} agencies={agencies} onChanged={reload} />,
          },
          { key: 'calendar', label: '节假日安排', children: <CalendarTab /> },
        ]}
      />
    </>
  );
}
