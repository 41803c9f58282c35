import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, gongkai, tempFile } from '../../../test/support/run-cli.ts';
import { openDatabase } from '../../store/dialect.ts';
import { migrateToLatest } from '../../store/migrations/migrate.ts';

const NOTICE_2027 = fileURLToPath(
  new URL('../../../test/fixtures/calendar/2027-holiday-notice-made-up.txt', import.meta.url),
);

describe('gongkai calendar', () => {
  let url: string;

  beforeAll(async () => {
    url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'gongkai-calendar-')), 'g.db')}`;
    const opened = openDatabase(url);
    await migrateToLatest(opened.db);
    await opened.close();
  });

  it('lists the built-in years with their 文号', () => {
    const r = gongkai('calendar', 'list', '--db', url);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[2]).toBe('2025年  系统内置  国办发明电〔2024〕12号  2024年11月12日');
    expect(r.stdout).toContain('2026年  系统内置  （文号未注明）');
  });

  it('prints the parsed days of a notice, stores it once, and refuses it twice', () => {
    const dry = gongkai('calendar', 'import', NOTICE_2027, '--dry-run', '--db', url);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('国务院办公厅关于2027年部分节假日安排的通知，2026年11月20日\n');
    expect(dry.stdout).toContain('  放假  春节：2027年2月5日至2027年2月12日\n');
    expect(dry.stdout).toContain('  上班  2027年2月14日（星期日）\n');
    expect(gongkai('calendar', 'list', '--db', url).stdout).not.toContain('2027年');

    const saved = gongkai('calendar', 'import', NOTICE_2027, '--db', url);
    expect([saved.code, saved.stderr]).toEqual([0, '']);
    expect(saved.stdout).toContain('已录入2027年节假日安排');
    expect(gongkai('calendar', 'list', '--db', url).stdout).toMatch(
      /2027年 {2}录入 {2}（文号未注明） {2}2026年11月20日，命令行录入于/,
    );

    const twice = gongkai('calendar', 'import', NOTICE_2027, '--db', url);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('2027年的节假日安排已经录入，不能重复录入');
  });

  it('refuses a notice it cannot read, naming the line, and one without a date unless given', () => {
    const bad = tempFile(
      'bad.txt',
      '国务院办公厅关于2029年部分节假日安排的通知\n\n一、元旦：元月一日放假。\n',
    );
    expectRefused(gongkai('calendar', 'import', bad, '--db', url), /第3行无法识别/);
    const undated = tempFile(
      'n.txt',
      '国务院办公厅关于2029年部分节假日安排的通知\n一、元旦：1月1日（周一）放假，共1天。\n',
    );
    expect(gongkai('calendar', 'import', undated, '--db', url).stderr).toContain('请用 --issued-on 指定');
    expect(gongkai('calendar', 'import', undated, '--issued-on', '2028-11-01', '--db', url).code).toBe(0);
  });
});
