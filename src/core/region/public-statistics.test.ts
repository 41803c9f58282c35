import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { TABLE3_ROW_KEYS } from '../report/labels.ts';
import { statisticsCsv, yearStatistics } from './public-statistics.ts';

describe('yearStatistics', () => {
  it('groups the outcomes so that they add up to the concluded total', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const { table3 } = generateValidReport(seed);
      const s = yearStatistics(2024, 3, table3);
      const sum = s.outcomes.reduce((n, o) => n + (o.count ?? 0), 0);
      expect(sum).toBe(s.concluded);
      expect(s.received.reduce((n, r) => n + (r.count ?? 0), 0)).toBe(s.receivedTotal);
      // The 不予公开 group is the sum of its eight rows, counted independently here.
      const denied = TABLE3_ROW_KEYS.filter((k) => k.startsWith('denied.')).reduce(
        (n, k) => n + table3[k][6]!,
        0,
      );
      expect(s.outcomes.find((o) => o.key === 'denied')).toEqual({
        key: 'denied',
        label: '不予公开',
        count: denied,
      });
    }
  });

  it('keeps a blank as blank (not 0) in the group it belongs to', () => {
    const { table3 } = generateValidReport(7);
    table3['unable.notHeld'][6] = null;
    expect(yearStatistics(2024, 1, table3).outcomes.find((o) => o.key === 'unable')?.count).toBeNull();
  });

  it('knows nothing of a year without any report: every count is null (无数据), never 0', () => {
    const zeros = generateValidReport(3).table3;
    for (const row of Object.values(zeros)) row.fill(0);
    const s = yearStatistics(2019, 0, zeros);
    expect(s.receivedTotal).toBeNull();
    expect(s.concluded).toBeNull();
    expect([...s.received, ...s.outcomes].every((c) => c.count === null)).toBe(true);
    // With a report that says zero, zero it is.
    expect(yearStatistics(2019, 1, zeros).receivedTotal).toBe(0);
  });

  it('writes one CSV row per year under stable Chinese headers', () => {
    const csv = statisticsCsv([yearStatistics(2023, 2, generateValidReport(1).table3)]);
    const [header, row] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toBe(
      '年度,报告数,新收申请_自然人,新收申请_商业企业,新收申请_科研机构,新收申请_社会公益组织,新收申请_法律服务机构,新收申请_其他,新收申请_合计,办理结果_予以公开,办理结果_部分公开,办理结果_不予公开,办理结果_无法提供,办理结果_不予处理,办理结果_其他处理,办结总数',
    );
    expect(row?.split(',')).toHaveLength(16);
    expect(row?.startsWith('2023,2,')).toBe(true);
  });
});
