import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { ROLES, type Role } from '../organisation/role.ts';
import {
  decideReportStep,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  type ReportAction,
  type ReportStatus,
  type ReportStepInput,
} from './report-workflow.ts';

/** The workflow written out as a table, independently of the module's rule table. */
const ALLOWED: Record<ReportAction, { from: ReportStatus[]; roles: Role[]; to?: ReportStatus }> = {
  edit: { from: ['draft'], roles: ['officer', 'reviewer'] },
  reassemble: { from: ['draft'], roles: ['officer', 'reviewer'] },
  submit: { from: ['draft'], roles: ['officer', 'reviewer'], to: 'submitted' },
  return: { from: ['submitted', 'approved'], roles: ['reviewer'], to: 'draft' },
  approve: { from: ['submitted'], roles: ['reviewer'], to: 'approved' },
  publish: { from: ['approved'], roles: ['officer', 'reviewer'], to: 'published' },
  correct: { from: ['published'], roles: ['officer', 'reviewer'], to: 'draft' },
};

function step(overrides: Partial<ReportStepInput> & Pick<ReportStepInput, 'action' | 'status' | 'role'>) {
  return decideReportStep({ actorId: 'u-actor', submittedBy: 'u-other', reason: '数据有误', ...overrides });
}

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('decideReportStep', () => {
  for (const action of REPORT_ACTIONS) {
    for (const status of REPORT_STATUSES) {
      for (const role of ROLES) {
        const rule = ALLOWED[action];
        const allowed = rule.from.includes(status) && rule.roles.includes(role);
        it(`${allowed ? 'allows' : 'refuses'} ${action} of a ${status} report by a ${role}`, () => {
          if (allowed) {
            expect(step({ action, status, role })).toBe(rule.to ?? status);
          } else {
            // A role that may never take the step is told so first (403); otherwise the status (409).
            const expected = rule.roles.includes(role) ? 'CONFLICT' : 'FORBIDDEN';
            expect(codeOf(() => step({ action, status, role }))).toBe(expected);
          }
        });
      }
    }
  }

  it('refuses a reviewer approving the report they submitted themselves', () => {
    expect(
      codeOf(() =>
        step({ action: 'approve', status: 'submitted', role: 'reviewer', submittedBy: 'u-actor' }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('refuses a submission while the validator reports errors, and names them', () => {
    try {
      step({
        action: 'submit',
        status: 'draft',
        role: 'officer',
        errors: ['表三第一列不平衡', '表四总计不符'],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_REPORT');
      expect((error as AppError).message).toContain('2 个错误');
      expect((error as AppError).message).toContain('表三第一列不平衡');
      expect((error as AppError).details).toEqual({ errors: ['表三第一列不平衡', '表四总计不符'] });
    }
  });

  it('requires a reason to return or to correct', () => {
    for (const [action, status] of [
      ['return', 'submitted'],
      ['correct', 'published'],
    ] as const) {
      expect(codeOf(() => step({ action, status, role: 'reviewer', reason: '  ' }))).toBe('INVALID_INPUT');
      expect(codeOf(() => step({ action, status, role: 'reviewer', reason: null }))).toBe('INVALID_INPUT');
      expect(codeOf(() => step({ action, status, role: 'reviewer', reason: '理'.repeat(2001) }))).toBe(
        'INVALID_INPUT',
      );
    }
  });

  it('corrects only the newest version', () => {
    expect(
      codeOf(() => step({ action: 'correct', status: 'published', role: 'officer', isNewestVersion: false })),
    ).toBe('CONFLICT');
    expect(step({ action: 'correct', status: 'published', role: 'officer', isNewestVersion: true })).toBe(
      'draft',
    );
  });

  it('says a published report is locked when asked to edit it', () => {
    expect(() => step({ action: 'edit', status: 'published', role: 'officer' })).toThrow(/已发布.*新版本/);
  });
});
