/** What an administrator has set up so far: the counts the admin home shows. */
export interface SetupCounts {
  regions: number;
  agencies: number;
  users: number;
  /** Accounts that handle applications (经办人, 审核人) or supervise a region (主管部门). */
  staff: number;
}

/** The next first-run step and the tab of 系统管理 where it is done; null once the basics exist. */
export interface SetupStep {
  label: string;
  tab: 'organisation' | 'users';
  hint: string;
}

/**
 * The first run goes 行政区划 → 机关 → 用户: an agency belongs to a region, and an officer's or a
 * reviewer's account to an agency. The first missing one is the next step.
 */
export function nextSetupStep(counts: SetupCounts): SetupStep | null {
  if (counts.regions === 0)
    return {
      label: '新建行政区划',
      tab: 'organisation',
      hint: '先建本系统管辖的最上级行政区划（如某市），再建其下级（区县）。',
    };
  if (counts.agencies === 0)
    return {
      label: '新建机关',
      tab: 'organisation',
      hint: '在行政区划下添加机关（人民政府或其部门），申请和年度报告都属于某个机关。',
    };
  if (counts.staff === 0)
    return {
      label: '新建用户',
      tab: 'users',
      hint: '为机关的经办人（登记和办理申请）、审核人，以及主管部门建立账号。',
    };
  return null;
}

/** “已建行政区划 0 · 机关 0 · 用户 1”. */
export function setupSummary(counts: SetupCounts): string {
  return `已建行政区划 ${counts.regions} · 机关 ${counts.agencies} · 用户 ${counts.users}`;
}
