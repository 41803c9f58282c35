import { describe, expect, it } from 'vitest';
import { expectRefused, gongkai } from '../../../test/support/run-cli.ts';

describe('gongkai fee', () => {
  it('prints the per-application total and bands', () => {
    const r = gongkai('fee', '--applications', '31');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '信息处理费合计：2200元（按件计收）',
      '  当月第1—10件：10件 × 0元/件 = 0元',
      '  当月第11—30件：20件 × 100元/件 = 2000元',
      '  当月第31—40件（第31件）：1件 × 200元/件 = 200元',
    ]);
    expect(r.stdout).toContain('依据：国办函〔2020〕109号');
  });

  it('counts from the applications already made this month', () => {
    const r = gongkai('fee', '--applications', '5', '--already', '28', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ method: 'per-application', totalYuan: 800 });
  });

  it('prints the per-page fee as JSON', () => {
    const out = JSON.parse(gongkai('fee', '--pages', '201', '--json').stdout);
    expect(out.totalYuan).toBe(2740);
    expect(out.bands.at(-1)).toEqual({
      label: '第201页及以上',
      from: 201,
      to: 201,
      count: 1,
      rateYuan: 40,
      amountYuan: 40,
    });
  });

  it('refuses both or neither basis', () => {
    expectRefused(gongkai('fee', '--pages', '3', '--applications', '3'), '其中之一');
    expectRefused(gongkai('fee'), '其中之一');
  });

  it('refuses a count that is not a non-negative integer', () => {
    expectRefused(gongkai('fee', '--pages', '-5'), '页数“-5”无效');
    expectRefused(gongkai('fee', '--applications', '3', '--already', 'two'), '本月已申请件数“two”无效');
  });
});
