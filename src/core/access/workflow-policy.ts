import { DISCLOSURE_STEP_LABELS } from '../disclosures/disclosure.ts';
import { REPORT_ACTION_LABELS } from '../report/report-workflow.ts';
import type { Policy } from './access-policy.ts';
import { hasRole, ROLE_LABELS, type Role } from './access-rules.ts';

/**
 * Which role takes which step of the two review chains (the state machines, which step may follow
 * which, stay in core/report/report-workflow.ts and core/disclosures/disclosure-lifecycle.ts and
 * ask this table). The agency itself is checked before (annual-report write, disclosure handle).
 * Labels are read when a refusal is worded, never at load time (the state machines import this).
 */
function reportStep(action: keyof typeof REPORT_ACTION_LABELS, ...roles: Role[]): Policy {
  return {
    rules: [hasRole(...roles)],
    refusal: (actor) =>
      `${ROLE_LABELS[actor.role]}不能${REPORT_ACTION_LABELS[action]}年度报告：只有${roles
        .map((r) => ROLE_LABELS[r])
        .join('或')}可以`,
  };
}

function disclosureStep(step: keyof typeof DISCLOSURE_STEP_LABELS, role: Role): Policy {
  return {
    rules: [hasRole(role)],
    refusal: () => `无权办理“${DISCLOSURE_STEP_LABELS[step]}”：应由${ROLE_LABELS[role]}办理`,
  };
}

export const WORKFLOW_POLICY = {
  /** 条例第四十九、五十条; DOMAIN.md §C.9: the officer writes, the reviewer (审核人) approves. */
  'annual-report-step': {
    assemble: {
      rules: [hasRole('officer', 'reviewer')],
      refusal: (actor) => `${ROLE_LABELS[actor.role]}不能汇总生成年度报告：只有本机关的经办人或审核人可以`,
    },
    edit: reportStep('edit', 'officer', 'reviewer'),
    reassemble: reportStep('reassemble', 'officer', 'reviewer'),
    submit: reportStep('submit', 'officer', 'reviewer'),
    return: reportStep('return', 'reviewer'),
    approve: reportStep('approve', 'reviewer'),
    publish: reportStep('publish', 'officer', 'reviewer'),
    correct: reportStep('correct', 'officer', 'reviewer'),
  },
  /** 主动公开: 拟稿 (officer) → 科室审核 and 领导审批 (reviewers) → 发布 (officer). */
  'disclosure-step': {
    draft: { rules: [hasRole('officer')], refusal: '无权拟稿登记主动公开信息：只有经办人可以拟稿' },
    edit: { rules: [hasRole('officer')], refusal: '无权修改主动公开信息：只有经办人可以修改拟稿' },
    submit: disclosureStep('submit', 'officer'),
    sectionApprove: disclosureStep('sectionApprove', 'reviewer'),
    leaderApprove: disclosureStep('leaderApprove', 'reviewer'),
    return: disclosureStep('return', 'reviewer'),
    publish: disclosureStep('publish', 'officer'),
  },
} satisfies Record<string, Record<string, Policy>>;
