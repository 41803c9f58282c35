import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  ACCESS_POLICY,
  type ActionOn,
  assertAllowed,
  decide,
  type Resource,
  refusalOf,
} from './access-policy.ts';
import type { AccessActor, ResourceFacts } from './access-rules.ts';

/** Agency X in county C, under city B, under province A; agency Y elsewhere. */
const chainOfX = ['county-c', 'city-b', 'province-a'];
const officer: AccessActor = { role: 'officer', agencyId: 'x', regionId: null };
const reviewer: AccessActor = { role: 'reviewer', agencyId: 'x', regionId: null };
const officerOfY: AccessActor = { role: 'officer', agencyId: 'y', regionId: null };
const supervisorOf = (regionId: string): AccessActor => ({ role: 'supervisor', agencyId: null, regionId });
const admin: AccessActor = { role: 'admin', agencyId: null, regionId: null };

const verdict = <R extends Resource>(
  actor: AccessActor,
  resource: R,
  action: ActionOn<R>,
  facts: ResourceFacts,
) => decide(actor, resource, action, facts);

describe('decide', () => {
  const known = { agencyId: 'x', regionChain: chainOfX };
  const unknownChain = { agencyId: 'x' };

  it.each([
    ['officer of the agency', officer, 'allowed', 'allowed', 'allowed'],
    ['reviewer of the agency', reviewer, 'allowed', 'allowed', 'allowed'],
    ['officer of another agency', officerOfY, 'refused', 'refused', 'refused'],
    ['supervisor of the county', supervisorOf('county-c'), 'allowed', 'refused', 'refused'],
    ['supervisor of a region above', supervisorOf('province-a'), 'allowed', 'refused', 'refused'],
    ['supervisor of another region', supervisorOf('city-z'), 'refused', 'refused', 'refused'],
    ['admin', admin, 'allowed', 'refused', 'refused'],
  ] as const)(
    'application: %s reads %s, handles %s, sees personal data %s',
    (_, actor, read, handle, personal) => {
      expect(verdict(actor, 'application', 'read', known)).toBe(read);
      expect(verdict(actor, 'application', 'handle', known)).toBe(handle);
      expect(verdict(actor, 'application', 'personal-data', known)).toBe(personal);
    },
  );

  it('leaves a supervisor undecided until the region chain is known, and decides the others without it', () => {
    expect(verdict(supervisorOf('city-b'), 'annual-report', 'read', unknownChain)).toBe('undecided');
    expect(verdict(supervisorOf('city-b'), 'annual-report', 'handle', unknownChain)).toBe('refused');
    expect(verdict(officer, 'annual-report', 'read', unknownChain)).toBe('allowed');
    expect(verdict(officerOfY, 'annual-report', 'read', unknownChain)).toBe('refused');
    expect(verdict(admin, 'annual-report', 'read', unknownChain)).toBe('allowed');
  });

  it('gives region-wide data to the supervisor of the region or above and to admins', () => {
    const cityB = { regionChain: ['city-b', 'province-a'] };
    expect(verdict(supervisorOf('city-b'), 'region', 'read', cityB)).toBe('allowed');
    expect(verdict(supervisorOf('province-a'), 'region', 'export', cityB)).toBe('allowed');
    expect(verdict(supervisorOf('county-c'), 'region', 'import', cityB)).toBe('refused');
    expect(verdict(admin, 'region', 'read', {})).toBe('allowed');
    expect(verdict(officer, 'region', 'read', {})).toBe('refused');
    expect(verdict(supervisorOf('city-b'), 'region', 'read', {})).toBe('undecided');
  });

  it('keeps users and the organisation to admins', () => {
    for (const actor of [officer, reviewer, supervisorOf('province-a')]) {
      expect(verdict(actor, 'user', 'administer', {})).toBe('refused');
      expect(verdict(actor, 'organisation', 'administer', {})).toBe('refused');
    }
    expect(verdict(admin, 'user', 'administer', {})).toBe('allowed');
    expect(refusalOf(officer, 'user', 'administer')).toBe('无权执行此操作：需要系统管理员权限');
  });

  it('gives each review step to its role', () => {
    expect(verdict(officer, 'annual-report-step', 'approve', {})).toBe('refused');
    expect(verdict(reviewer, 'annual-report-step', 'approve', {})).toBe('allowed');
    expect(verdict(reviewer, 'disclosure-step', 'draft', {})).toBe('refused');
    expect(verdict(officer, 'disclosure-step', 'publish', {})).toBe('allowed');
    expect(refusalOf(officer, 'annual-report-step', 'approve')).toBe(
      '经办人不能审核通过年度报告：只有审核人可以',
    );
    expect(refusalOf(officer, 'disclosure-step', 'sectionApprove')).toBe(
      '无权办理“科室审核（含保密审查）”：应由审核人办理',
    );
  });

  it('has a Chinese refusal for every action of every resource', () => {
    for (const [resource, actions] of Object.entries(ACCESS_POLICY)) {
      for (const action of Object.keys(actions)) {
        expect(refusalOf(officerOfY, resource as Resource, action as never)).toMatch(/^(无权|经办人不能)/);
      }
    }
  });
});

describe('assertAllowed', () => {
  it('throws FORBIDDEN with the refusal unless allowed', () => {
    expect(() => assertAllowed(officer, 'application', 'read', { agencyId: 'x' })).not.toThrow();
    expect(() => assertAllowed(officerOfY, 'application', 'handle', { agencyId: 'x' })).toThrow(
      new AppError('FORBIDDEN', '无权办理该机关的政府信息公开申请：只有本机关的经办人和审核人可以办理'),
    );
    // Undecided is not allowed.
    expect(() => assertAllowed(supervisorOf('city-b'), 'application', 'read', { agencyId: 'x' })).toThrow(
      AppError,
    );
  });
});
