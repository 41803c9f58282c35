import { assertAllowed } from '../access/access-policy.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../organisation/role.ts';

/**
 * The annual report's workflow (条例第四十九、五十条; DOMAIN.md §C.9): an officer assembles and
 * writes the draft, submits it; a reviewer (审核人) approves it or sends it back; it is published
 * after approval and is then locked. A correction of a published report is a new version.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published
 *     ▲                  │                      │                     │
 *     └──────return──────┴────────return────────┘                 correct (new version, draft)
 *
 * Who may take which step is the access policy's (core/access/workflow-policy.ts); in short
 * (users of the report's own agency; supervisors and admins only read):
 * - edit, reassemble (the numbers), submit: officer or reviewer, on a draft. Submit is refused
 *   while the validator reports errors.
 * - return (with a reason): reviewer, on a submitted or approved report.
 * - approve: reviewer, on a submitted report — never the one who submitted it (four-eyes rule:
 *   in a small agency where the reviewer writes the report, another reviewer approves it).
 * - publish: officer or reviewer, on an approved report.
 * - correct (with a reason): officer or reviewer, on the newest version when it is published.
 */

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已提交审核',
  approved: '已审核通过',
  published: '已发布',
};

export const REPORT_ACTIONS = [
  'edit',
  'reassemble',
  'submit',
  'return',
  'approve',
  'publish',
  'correct',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_ACTION_LABELS: Record<ReportAction, string> = {
  edit: '修改正文',
  reassemble: '重新汇总表格数据',
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  publish: '发布',
  correct: '更正（生成新版本）',
};

interface Rule {
  from: readonly ReportStatus[];
  /** The status after the step; for 'correct', the status of the new version. */
  to: ReportStatus | 'same';
}

const RULES: Record<ReportAction, Rule> = {
  edit: { from: ['draft'], to: 'same' },
  reassemble: { from: ['draft'], to: 'same' },
  submit: { from: ['draft'], to: 'submitted' },
  return: { from: ['submitted', 'approved'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
  correct: { from: ['published'], to: 'draft' },
};

export interface ReportStepInput {
  action: ReportAction;
  status: ReportStatus;
  role: Role;
  actorId: string | null;
  /** Who submitted the report (for approve). */
  submittedBy: string | null;
  /** Messages of the validator's errors (for submit): any refuses the submission. */
  errors?: readonly string[];
  /** Required for return and correct. */
  reason?: string | null;
  /** For correct: whether the report is the newest version of its agency-year. */
  isNewestVersion?: boolean;
}

/** Reasons are kept in the audit log and printed to reviewers: short, plain text. */
export const MAX_REASON_LENGTH = 2000;

/**
 * Decides one step: returns the status after it, or throws AppError — FORBIDDEN (the role may not
 * take the step, or a reviewer approving their own submission), CONFLICT (the status does not
 * allow it, or a correction of a version that is not the newest), INVALID_INPUT (missing reason),
 * INVALID_REPORT (submit while the validator reports errors; details list them). Pure.
 */
export function decideReportStep(input: ReportStepInput): ReportStatus {
  const rule = RULES[input.action];
  const what = REPORT_ACTION_LABELS[input.action];
  assertAllowed(roleOnly(input.role), 'annual-report-step', input.action);
  if (!rule.from.includes(input.status)) {
    const locked = input.status === 'published' ? '已发布的年度报告不能修改，如需更正请生成新版本；' : '';
    throw new AppError(
      'CONFLICT',
      `${locked}年度报告当前状态为“${REPORT_STATUS_LABELS[input.status]}”，不能${what}（只能在“${rule.from
        .map((s) => REPORT_STATUS_LABELS[s])
        .join('”或“')}”状态下进行）`,
    );
  }
  if (input.action === 'return' || input.action === 'correct') {
    const reason = input.reason?.trim() ?? '';
    if (reason === '')
      throw new AppError(
        'INVALID_INPUT',
        input.action === 'return' ? '退回修改须说明理由' : '更正须说明理由',
      );
    if (reason.length > MAX_REASON_LENGTH)
      throw new AppError('INVALID_INPUT', `理由过长（最多${MAX_REASON_LENGTH}字）`);
  }
  if (input.action === 'approve' && input.actorId !== null && input.actorId === input.submittedBy) {
    throw new AppError('FORBIDDEN', '不能审核通过本人提交的年度报告，请由另一位审核人审核');
  }
  if (input.action === 'correct' && input.isNewestVersion === false) {
    throw new AppError('CONFLICT', '只能更正最新版本的年度报告');
  }
  if (input.action === 'submit' && (input.errors?.length ?? 0) > 0) {
    const errors = input.errors ?? [];
    throw new AppError(
      'INVALID_REPORT',
      `年度报告还有 ${errors.length} 个错误，改正后才能提交审核：${errors.slice(0, 3).join('；')}${
        errors.length > 3 ? '……' : ''
      }`,
      { errors },
    );
  }
  return rule.to === 'same' ? input.status : rule.to;
}

/** Assembling a new draft (the first version of an agency-year): officer or reviewer. Throws FORBIDDEN. */
export function assertMayAssemble(role: Role): void {
  assertAllowed(roleOnly(role), 'annual-report-step', 'assemble');
}

/** The steps are decided by role alone: the agency was checked before (annual-report write). */
function roleOnly(role: Role) {
  return { role, agencyId: null, regionId: null };
}
