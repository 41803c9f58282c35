import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectRefused, gongkai, tempFile } from '../../../test/support/run-cli.ts';

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

  it('prints a 2027 date marked 暂定 with the reason, exit 0 (issue 15)', () => {
    // 12-21..25 (5), 12-28..31 (9), 2027-01-01 元旦 (statutory), 01-04..08 (14), 01-11..15 (19), 01-18.
    expect(gongkai('workdays', 'add', '2026-12-20', '20')).toEqual({
      code: 0,
      stdout: '2027-01-18（暂定）\n暂定：2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定\n',
      stderr: '',
    });
    const json = JSON.parse(gongkai('workdays', 'add', '2026-12-20', '20', '--json').stdout);
    expect(json).toMatchObject({ result: '2027-01-18', provisional: { years: [2027] } });
  });

  it('prints an exact date with no mark when every year is known', () => {
    expect(gongkai('workdays', 'add', '2026-12-20', '5').stdout).toBe('2026-12-25\n');
    expect(JSON.parse(gongkai('workdays', 'add', '2026-12-20', '5', '--json').stdout).provisional).toBeNull();
  });

  it('counts with a notice given by --calendar, exactly', () => {
    const notice = fileURLToPath(
      new URL('../../../test/fixtures/calendar/2027-holiday-notice-made-up.txt', import.meta.url),
    );
    // The made-up notice rests 01-01 to 01-03 (Fri–Sun): the 20th working day is still 01-18, now exact.
    expect(gongkai('workdays', 'add', '2026-12-20', '20', '--calendar', notice).stdout).toBe('2027-01-18\n');
    // 40 working days reach 春节: made-up rest 02-05..02-12, make-up day Sunday 02-14.
    // 01-19..22 (24), 01-25..29 (29), 02-01..04 (33), 02-14 (34), 02-15..19 (39), 02-22 (40).
    expect(gongkai('workdays', 'add', '2026-12-20', '40', '--calendar', notice).stdout).toBe('2027-02-22\n');
  });

  it('refuses an unreadable --calendar notice, naming the file and line', () => {
    const bad = tempFile('bad.txt', '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：元月一日放假。\n');
    expectRefused(
      gongkai('workdays', 'add', '2026-12-20', '20', '--calendar', bad),
      /bad\.txt：第2行无法识别/,
    );
  });

  it('refuses a date beyond 2100', () => {
    expectRefused(gongkai('workdays', 'add', '2100-12-20', '20'), '超出工作日计算范围');
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

  it('marks a count through a year without an arrangement 暂定', () => {
    // 2022-12-02 … 12-30: 21 weekdays (statutory rule, no 2022 notice); 12-31 to 2023-01-02 元旦 2023; 01-03 … 01-05.
    expect(gongkai('workdays', 'between', '2022-12-01', '2023-01-05').stdout).toBe(
      '24（暂定）\n暂定：2022年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定\n',
    );
  });
});
