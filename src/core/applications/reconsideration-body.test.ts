import { describe, expect, it } from 'vitest';
import { type ReviewedAgency, reconsiderationBody, reviewRequiredFirst } from './reconsideration-body.ts';

const department = (name: string): ReviewedAgency => ({
  name,
  kind: 'department',
  region: { name: '中卫市', level: 'city' },
  parentRegion: { name: '宁夏回族自治区' },
});

describe('reconsiderationBody', () => {
  it('names the government of the region for a department from 2024-01-01, and offers the department above before', () => {
    expect(reconsiderationBody(department('中卫市数据局'), '2024-01-01')).toBe('中卫市人民政府');
    expect(reconsiderationBody(department('中卫市数据局'), '2023-12-31')).toBe(
      '中卫市人民政府或者上一级主管部门',
    );
  });

  it('names the government one level up for a people’s government, and the province government for itself', () => {
    const county: ReviewedAgency = {
      name: '沙坡头区人民政府',
      kind: 'government',
      region: { name: '沙坡头区', level: 'county' },
      parentRegion: { name: '中卫市' },
    };
    expect(reconsiderationBody(county, '2023-06-01')).toBe('中卫市人民政府');
    expect(reconsiderationBody(county, '2025-06-01')).toBe('中卫市人民政府');
    expect(reconsiderationBody({ ...county, parentRegion: null }, '2025-06-01')).toBe('上一级人民政府');
    const province: ReviewedAgency = {
      name: '宁夏回族自治区人民政府',
      kind: 'government',
      region: { name: '宁夏回族自治区', level: 'province' },
      parentRegion: null,
    };
    expect(reconsiderationBody(province, '2025-06-01')).toBe('宁夏回族自治区人民政府');
  });

  it('sends vertically led bodies to the department above, but not a local 金融 office', () => {
    for (const name of ['中卫海关', '国家税务总局中卫市税务局', '国家外汇管理局宁夏回族自治区分局']) {
      expect(reconsiderationBody(department(name), '2025-06-01')).toBe('上一级主管部门');
    }
    expect(reconsiderationBody(department('中卫市地方金融监督管理局'), '2025-06-01')).toBe('中卫市人民政府');
  });

  it('lets a 司法局’s decision from 2024 go to the government or the 司法行政部门 above (art. 28)', () => {
    expect(reconsiderationBody(department('中卫市司法局'), '2024-03-01')).toBe(
      '中卫市人民政府或者上一级司法行政部门',
    );
  });
});

describe('reviewRequiredFirst', () => {
  it('requires review first for a refusal decided from 2024-01-01 only', () => {
    expect(reviewRequiredFirst(['denied.stateSecret'], '2024-01-01')).toBe(true);
    expect(reviewRequiredFirst(['partial'], '2025-05-06')).toBe(true);
    expect(reviewRequiredFirst(['denied.stateSecret'], '2023-12-29')).toBe(false);
    expect(reviewRequiredFirst(['unable.notHeld', 'notProcessed.repeat'], '2025-05-06')).toBe(false);
  });
});
