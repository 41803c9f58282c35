import { describe, expect, it } from 'vitest';
import { documentPrefixOf } from './document-prefix.ts';

describe('documentPrefixOf', () => {
  it.each([
    ['中卫市数据局', '中卫数据'],
    ['淄博市大数据局', '淄博大数据'],
    ['中卫市云计算和大数据发展局', '中卫云计算和大数据发展'],
    ['中卫市市场监督管理局', '中卫市场监督管理'],
    ['中卫市机关事务服务中心', '中卫机关事务服务'],
    ['中卫市沙坡头区人民政府', '中卫沙坡头政府'],
    ['宁夏回族自治区发展和改革委员会', '宁夏发展和改革'],
    ['甲县数据局', '甲县数据'],
    ['数据局', '数据'],
  ])('derives the 机关代字 of %s as %s', (name, prefix) => {
    expect(documentPrefixOf(name)).toBe(prefix);
  });

  it('keeps a name it cannot shorten', () => {
    expect(documentPrefixOf('局')).toBe('局');
  });
});
