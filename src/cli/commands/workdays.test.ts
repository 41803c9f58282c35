import { describe, expect, it } from 'vitest';
import { expectRefused, gongkai } from '../../../test/support/run-cli.ts';

describe('gongkai workdays add', () => {
  it('prints only the date', () => {
    expect(gongkai('workdays', 'add', '2023-09-20', '7')).toEqual({
      code: 0,
      stdout: '2023-10-07\n',
      stderr: '',
    });
  });

  it('adds a Chinese explanation with --explain', () => {
    const r = gongkai('workdays', 'add', '2025-01-20', '15', '--explain');
    expect(r.stdout).toBe(
      '2025-02-14\n自2025年1月20日（星期一）的次日起算，第15个工作日为2025年2月14日（星期五）\n',
    );
  });

  it('prints JSON with --json', () => {
    const r = gongkai('workdays', 'add', '2026-02-10', '40', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2026-02-10', workingDays: 40, result: '2026-04-14' });
  });

  it('refuses an impossible date', () => {
    expectRefused(gongkai('workdays', 'add', '2025-02-30', '3'), '日期“2025-02-30”无效');
  });

  it.each(['-1', '1.5', 'x'])('refuses the count %s', (n) => {
    expectRefused(gongkai('workdays', 'add', '2025-03-03', n), `工作日数“${n}”无效`);
  });

  it('refuses a result in a year without holiday data', () => {
    expectRefused(gongkai('workdays', 'add', '2026-12-20', '20'), '暂无2027年的法定节假日安排数据');
  });
});

describe('gongkai workdays between', () => {
  it('prints the count of working days in (from, to]', () => {
    expect(gongkai('workdays', 'between', '2024-01-26', '2024-02-28').stdout).toBe('20\n');
  });

  it('prints JSON with a negative count when to is before from', () => {
    const r = gongkai('workdays', 'between', '2025-03-21', '2025-03-17', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ workingDays: -4 });
  });

  it('refuses a year outside the calendar', () => {
    expectRefused(gongkai('workdays', 'between', '2022-12-01', '2023-01-05'), '暂无2022年');
  });
});
