import { describe, expect, it } from 'vitest';
import { nextSetupStep, setupSummary } from './setup-progress.ts';

describe('nextSetupStep', () => {
  it('asks for a region first on a fresh install, where only the administrator exists', () => {
    expect(nextSetupStep({ regions: 0, agencies: 0, users: 1, staff: 0 })?.label).toBe('新建行政区划');
  });

  it('asks for an agency once a region exists, then for the staff accounts', () => {
    expect(nextSetupStep({ regions: 1, agencies: 0, users: 1, staff: 0 })).toMatchObject({
      label: '新建机关',
      tab: 'organisation',
    });
    expect(nextSetupStep({ regions: 1, agencies: 2, users: 1, staff: 0 })).toMatchObject({
      label: '新建用户',
      tab: 'users',
    });
  });

  it('has nothing left once regions, agencies and staff exist', () => {
    expect(nextSetupStep({ regions: 1, agencies: 1, users: 2, staff: 1 })).toBeNull();
  });
});

describe('setupSummary', () => {
  it('counts what exists', () => {
    expect(setupSummary({ regions: 0, agencies: 0, users: 1, staff: 0 })).toBe(
      '已建行政区划 0 · 机关 0 · 用户 1',
    );
  });
});
