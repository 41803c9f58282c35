import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefused, gongkai, REPO_ROOT, tempFile } from '../../../test/support/run-cli.ts';

const EVENTS = [
  { type: 'consultation', party: 'third-party', startedOn: '2025-01-24', replyReceivedOn: '2025-02-10' },
];

describe('gongkai deadline', () => {
  it('prints the due date and how it was computed', () => {
    const r = gongkai(
      'deadline',
      '--received',
      '2024-01-26',
      '--channel',
      'in-person',
      '--today',
      '2024-02-01',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('答复期限：2024年2月28日（星期三）');
    expect(r.stdout).toContain('状态：期限进行中');
    expect(r.stdout).toMatch(/2024-02-05 {2}补正通知期限：.*第7个工作日.*（条例第三十条）/);
    expect(r.stdout).toMatch(/2024-02-28 {2}答复期限：自收到申请之日（2024年1月26日）的次日起算第20个工作日/);
  });

  it('reads events from a file and prints JSON', () => {
    const events = tempFile('events.json', JSON.stringify(EVENTS));
    const r = gongkai(
      'deadline',
      '--received',
      '2025-01-19',
      '--channel',
      'online',
      '--confirmed',
      '2025-01-20',
      '--events',
      events,
      '--today',
      '2025-02-11',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      receivedOn: '2025-01-20',
      answerDue: '2025-03-04',
      status: 'running',
    });
  });

  it('reads the whole case with --input and reports overdue', () => {
    const input = tempFile(
      'case.json',
      JSON.stringify({ channel: 'in-person', submittedOn: '2025-01-20', events: EVENTS }),
    );
    const out = JSON.parse(gongkai('deadline', '--input', input, '--today', '2025-03-05', '--json').stdout);
    expect([out.answerDue, out.status]).toEqual(['2025-03-04', 'overdue']);
  });

  it('does not suspend for a fee notice with --no-fee-suspension', () => {
    const events = tempFile(
      'fee.json',
      JSON.stringify([{ type: 'fee', noticeOn: '2023-09-20', paidOn: '2023-10-24' }]),
    );
    const args = [
      'deadline',
      '--received',
      '2023-09-20',
      '--channel',
      'in-person',
      '--events',
      events,
      '--json',
    ];
    expect(JSON.parse(gongkai(...args, '--today', '2023-10-25').stdout).answerDue).toBe('2023-11-21');
    expect(
      JSON.parse(gongkai(...args, '--today', '2023-10-25', '--no-fee-suspension').stdout).answerDue,
    ).toBe('2023-10-24');
  });

  it('marks an answer date in a year without an arrangement 暂定, and exact with --calendar (issue 15)', () => {
    const args = ['deadline', '--received', '2026-12-10', '--channel', 'in-person', '--today', '2026-12-10'];
    // 12-11 (1), 12-14..18 (6), 21..25 (11), 28..31 (15), 2027-01-01 元旦, 01-04..08 (20).
    const r = gongkai(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('答复期限：2027年1月8日（星期五）（暂定）\n暂定：2027年节假日安排尚未录入');
    const notice = join(REPO_ROOT, 'test/fixtures/calendar/2027-holiday-notice-made-up.txt');
    const exact = gongkai(...args, '--calendar', notice, '--json');
    expect(JSON.parse(exact.stdout)).toMatchObject({ answerDue: '2027-01-08', provisional: null });
  });

  it('refuses a missing confirmation day for the Internet channel', () => {
    expectRefused(gongkai('deadline', '--received', '2025-01-20', '--channel', 'online'), '确认之日');
  });

  it('refuses an impossible date', () => {
    expectRefused(gongkai('deadline', '--received', '2025-02-30', '--channel', 'in-person'), '2025-02-30');
  });

  it('refuses a missing file, invalid JSON and a wrong shape', () => {
    expectRefused(gongkai('deadline', '--input', join(REPO_ROOT, 'no-such-case.json')), '文件不存在');
    expectRefused(gongkai('deadline', '--input', tempFile('bad.json', '{ not json')), '不是有效的 JSON');
    const wrong = tempFile(
      'wrong.json',
      JSON.stringify({ channel: 'in-person', submittedOn: '2025-03-03', events: {} }),
    );
    expectRefused(gongkai('deadline', '--input', wrong), '输入无效：events');
  });

  it('refuses an extension approved after the due date', () => {
    const events = tempFile(
      'late.json',
      JSON.stringify([{ type: 'extension', approvedOn: '2024-02-29', noticeOn: '2024-02-29', days: 20 }]),
    );
    expectRefused(
      gongkai(
        'deadline',
        '--received',
        '2024-01-26',
        '--channel',
        'in-person',
        '--events',
        events,
        '--today',
        '2024-03-01',
      ),
      '届满前',
    );
  });

  it('refuses mixing --input with the other case options, or giving neither', () => {
    expectRefused(gongkai('deadline', '--input', 'x.json', '--channel', 'in-person'), '不能与');
    expectRefused(gongkai('deadline', '--channel', 'in-person'), '--received');
  });
});
