import { describe, expect, it } from 'vitest';
import { agencyNameKeys, matchAgency, nameFitsRegion, normalizeAgencyName } from './agency-names.ts';

const agencies = [
  { id: 'a', name: '中卫市数据局', regionNames: ['中卫市', '宁夏回族自治区'] },
  { id: 'b', name: '民政局', regionNames: ['沙坡头区', '中卫市', '宁夏回族自治区'] },
  { id: 'c', name: '民政局', regionNames: ['中宁县', '中卫市', '宁夏回族自治区'] },
];

describe('normalizeAgencyName', () => {
  it('ignores spaces, full-width forms and brackets', () => {
    expect(normalizeAgencyName(' 中卫市　数据局（本级） ')).toBe(normalizeAgencyName('中卫市数据局(本级)'));
  });
});

describe('matchAgency', () => {
  it('matches a registered name, or the name prefixed with its regions', () => {
    expect(matchAgency('中卫市 数据局', agencies)).toEqual({ kind: 'matched', agencyId: 'a', via: 'name' });
    expect(matchAgency('沙坡头区民政局', agencies)).toEqual({ kind: 'matched', agencyId: 'b', via: 'name' });
    expect(matchAgency('中卫市中宁县民政局', agencies)).toEqual({
      kind: 'matched',
      agencyId: 'c',
      via: 'name',
    });
    expect(agencyNameKeys(agencies[1]!)).toContain('中卫市沙坡头区民政局');
  });

  it('says when a name is ambiguous or unknown, and follows a mapping for a renamed agency', () => {
    expect(matchAgency('民政局', agencies)).toEqual({ kind: 'ambiguous', agencyIds: ['b', 'c'] });
    expect(matchAgency('中卫市云计算和大数据发展局', agencies)).toEqual({ kind: 'none' });
    expect(
      matchAgency('中卫市云计算和大数据发展局', agencies, { 中卫市云计算和大数据发展局: '中卫市数据局' }),
    ).toEqual({
      kind: 'matched',
      agencyId: 'a',
      via: 'mapping',
    });
  });

  it('matches a report published under a former name (seed 000 → 001: 中卫市云计算和大数据发展局 became 中卫市数据局)', () => {
    const renamed = [{ ...agencies[0]!, formerNames: ['云计算和大数据发展局'] }, ...agencies.slice(1)];
    expect(matchAgency('中卫市云计算和大数据发展局', renamed)).toEqual({
      kind: 'matched',
      agencyId: 'a',
      via: 'former-name',
    });
    expect(matchAgency('中卫市数据局', renamed)).toEqual({ kind: 'matched', agencyId: 'a', via: 'name' });
  });
});

describe('nameFitsRegion', () => {
  it('refuses a name that starts with another place', () => {
    const names = ['中卫市', '沙坡头区', '宁夏回族自治区'];
    expect(nameFitsRegion('淄博市大数据局', names)).toBe(false);
    expect(nameFitsRegion('中卫市工业和信息化局', names)).toBe(true);
    expect(nameFitsRegion('沙坡头区民政局', names)).toBe(true);
    expect(nameFitsRegion('机关事务服务中心', names)).toBe(true);
  });
});
