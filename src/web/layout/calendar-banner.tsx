import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Role } from '../../core/organisation/role.ts';
import { api } from '../api/client.ts';
import type { CalendarView } from '../pages/admin/calendar-types.ts';

/** Who must know that next year's arrangement is missing: those who count deadlines and the one who enters it. */
const WARNED: readonly Role[] = ['officer', 'reviewer', 'admin'];

/**
 * From 1 November, while next year's holiday arrangement is not entered: a banner saying what it
 * means (deadlines into next year are 暂定) and what to do (the administrator enters the notice).
 */
export function CalendarBanner(props: { role: Role }) {
  const [view, setView] = useState<CalendarView | null>(null);
  const warned = WARNED.includes(props.role);
  useEffect(() => {
    if (!warned) return;
    // A failure here must not stop the workspace: the banner is simply not shown.
    api
      .get<CalendarView>('/calendar')
      .then(setView)
      .catch(() => undefined);
  }, [warned]);
  if (!view?.nextYearMissing) return null;
  const year = Number(view.today.slice(0, 4)) + 1;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      role="alert"
      title={`${year}年节假日安排尚未录入：跨入${year}年的期限暂按《全国年节及纪念日放假办法》计算，标注“暂定”`}
      description={
        props.role === 'admin' ? (
          <>
            国务院办公厅通知发布后，请在
            <Link to="/workspace/admin?tab=calendar">系统管理 → 节假日安排</Link>
            中录入，相关期限将自动重新计算。
          </>
        ) : (
          '国务院办公厅通知发布后，请联系系统管理员录入；录入前向申请人告知的跨年期限请注明“暂定”。'
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
