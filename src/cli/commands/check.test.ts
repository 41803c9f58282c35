import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongkai, REPO_ROOT, tempFile } from '../../../test/support/run-cli.ts';
import { NO_PREVIOUS_REPORT } from '../../core/rules/cross-rules.ts';
import { openDatabase } from '../../store/dialect.ts';
import { migrateToLatest } from '../../store/migrations/migrate.ts';
import { saveAgencyRename } from '../../store/organisation/agency-history.repository.ts';
import { createAgency, createRegion } from '../../store/organisation/organisation.repository.ts';

const seeds = join(REPO_ROOT, 'test/fixtures/seeds');

describe('gongkai check', () => {
  it('prints an untrusted file name with its control and bidi characters escaped', () => {
    const path = tempFile('r\u001b[2J\u202etxt.exe', 'garbage');
    const r = gongkai('check', path);
    expect(r.code).toBe(2);
    expect(['\u001b', '\u202e'].filter((c) => r.stderr.includes(c))).toEqual([]);
    expect(r.stderr).toContain('r\\u{1b}[2J\\u{202e}txt.exe');
  });

  it('exits 0 on a report without errors and prints the not-assessable rules', () => {
    const r = gongkai('check', join(seeds, '002.report.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('中卫市工业和信息化局 2023 年度');
    expect(r.stdout).toContain('P-01');
    expect(r.stdout).toContain('无法核验');
    expect(r.stdout).toContain('未提供上一年度报告，上年结转无法');
    expect(r.stdout).toContain('提示：用 --previous <文件> 指定上一年度报告');
  });

  it('exits 1 and names table, row and column of an error', () => {
    const r = gongkai('check', join(seeds, '001.report.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/错误\s+T2-01\s+表二 “行政事业性收费”行 “本年收费金额（单位：万元）”列/);
  });

  it('uses --previous for the carry-over rule', () => {
    const r = gongkai(
      'check',
      join(seeds, '001.report.json'),
      '--previous',
      join(seeds, '000.report.json'),
      '--json',
    );
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('Y-01');
    expect(out.summary.errors).toBe(1);
    const text = gongkai(
      'check',
      join(seeds, '001.report.json'),
      '--previous',
      join(seeds, '000.report.json'),
    );
    expect(text.stdout).not.toContain('提示：用 --previous');
  });

  it('prints machine-readable findings with --json', () => {
    const r = gongkai('check', join(seeds, '004.report.json'), '--json');
    const out = JSON.parse(r.stdout);
    expect(out.agency).toBe('淄博市大数据局');
    expect(out.findings[0]).toMatchObject({ ruleId: 'T4-04', severity: 'error', assessable: true });
  });

  it.each([
    ['a missing file', () => join(seeds, 'missing.json'), /missing\.json：文件不存在/],
    ['invalid JSON', () => tempFile('bad.json', '{"schema": '), /不是有效的 JSON/],
    [
      'JSON of the wrong shape',
      () => tempFile('shape.json', '{"schema":"gongkai-report/1"}'),
      /不是有效的 gongkai-report\/1 年度报告/,
    ],
    [
      'a Word file that is not one',
      () => tempFile('fake.docx', 'hello'),
      /fake\.docx：扩展名为 \.docx，但内容不是 Word（DOCX）文件，也不是其他可读取的格式/,
    ],
    [
      'a .doc file that is not a Word 97–2003 document',
      () => tempFile('fake.doc', 'hello'),
      /fake\.doc：扩展名为 \.doc，但内容不是 Word 97–2003（DOC）文件/,
    ],
  ])('refuses %s with one line and exit 2', (_name, path, message) => {
    const r = gongkai('check', path());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('goes on with the next file after a refusal and summarises the batch', () => {
    const r = gongkai('check', join(seeds, 'missing.json'), join(seeds, '003.report.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('中卫市机关事务服务中心');
    expect(r.stdout).toContain('共 2 个文件：已读取 1，无法读取 1');
  });

  it('names the format of a report in the 2019 format and checks it by that format’s rules', () => {
    const file = join(REPO_ROOT, 'test/fixtures/format-2019/jiangning-2020.lo.docx');
    const r = gongkai('check', file);
    expect(r.stdout).toContain('江宁市生态环境局 2020 年度（docx） 2019年格式（国办公开办函〔2019〕60号）');
    expect(r.stdout).not.toContain('T2-01');
    const json = JSON.parse(gongkai('check', '--json', file).stdout);
    expect(json.formatVersion).toBe('2019');
  });

  it('reads every report in a folder, documents and JSON alike', () => {
    const r = gongkai('check', seeds);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('000.txt — 中卫市云计算和大数据发展局 2023 年度（txt）');
    expect(r.stdout).toContain('共 10 个文件：已读取 10，无法读取 0；有错误 6，有警告');
  });

  it('pairs two years of one agency in a batch for the cross-year rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-years-'));
    const before = JSON.parse(readFileSync(join(seeds, '002.report.json'), 'utf8'));
    const after = {
      ...before,
      year: 2024,
      period: null,
      title: '中卫市工业和信息化局2024年政府信息公开工作年度报告',
    };
    after.table3 = { ...before.table3, carriedOver: [1, 0, 0, 0, 0, 0, 1] };
    writeFileSync(join(dir, '2023.json'), JSON.stringify(before));
    writeFileSync(join(dir, '2024.json'), JSON.stringify(after));
    const out = JSON.parse(gongkai('check', dir, '--json').stdout);
    const y01 = out[1].findings.filter(
      (f: { ruleId: string; assessable: boolean }) => f.ruleId === 'Y-01' && f.assessable,
    );
    expect(y01).toHaveLength(1);
    expect(y01[0].location.columns).toEqual(['自然人', '总计']);
  });

  describe('pairing a renamed agency’s consecutive years (seed 000 中卫市云计算和大数据发展局 2023 → seed 001 中卫市数据局 2024)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gongkai-renamed-'));
    for (const n of ['000', '001'])
      writeFileSync(join(folder, `${n}.txt`), readFileSync(join(seeds, `${n}.txt`)));
    /** The Y-01 findings of seed 001 (2024), by whether they could be assessed. */
    const y01Of2024 = (stdout: string) =>
      (
        JSON.parse(stdout) as {
          year: number;
          findings: { ruleId: string; assessable: boolean; message: string }[];
        }[]
      )
        .find((r) => r.year === 2024)!
        .findings.filter((f) => f.ruleId === 'Y-01');

    it('leaves Y-01 unassessed without knowing the two names are one agency', () => {
      const r = gongkai('check', folder, '--json');
      expect(y01Of2024(r.stdout)).toEqual([
        expect.objectContaining({ assessable: false, message: expect.stringContaining(NO_PREVIOUS_REPORT) }),
      ]);
    });

    it('pairs them with --same-agency “旧名称=新名称”, and passes Y-01 (上年结转 0 = 结转下年度 0)', () => {
      const r = gongkai(
        'check',
        folder,
        '--json',
        '--same-agency',
        '中卫市云计算和大数据发展局=中卫市数据局',
      );
      expect(y01Of2024(r.stdout)).toEqual([]);
      const text = gongkai('check', folder);
      expect(text.stdout).toContain('--same-agency');
    });

    it('refuses a --same-agency without two names, with exit 2', () => {
      const r = gongkai('check', folder, '--same-agency', '中卫市数据局');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('应为“旧名称=新名称”');
    });

    it('pairs them with --db by the former name stored for the renamed agency', async () => {
      const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'gongkai-check-db-')), 'g.db')}`;
      const opened = openDatabase(url);
      await migrateToLatest(opened.db);
      const region = await createRegion(opened.db, { code: '640500', name: '中卫市', level: 'city' });
      // Registered without the city's name, as a department often is; the reports print it.
      const agency = await createAgency(opened.db, {
        regionId: region.id,
        name: '云计算和大数据发展局',
        kind: 'department',
      });
      await saveAgencyRename(opened.db, agency, '数据局', '2024-03-01');
      // Another city's 数据局 must not be taken for it.
      const other = await createRegion(opened.db, { code: '370300', name: '淄博市', level: 'city' });
      await createAgency(opened.db, { regionId: other.id, name: '数据局', kind: 'department' });
      await opened.close();
      const r = gongkai('check', folder, '--json', '--db', url);
      expect(y01Of2024(r.stdout)).toEqual([]);
    });
  });

  it('writes one CSV row per finding', () => {
    const r = gongkai('check', join(seeds, '004.txt'), '--csv');
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('文件,机关,年度,规则,级别,可核验,表格,行,列,页,行号,说明');
    expect(lines.some((l) => l.includes(',T4-04,错误,是,表四,'))).toBe(true);
  });
});

describe('gongkai schema', () => {
  it('prints the JSON Schema of gongkai-report/1', () => {
    const r = gongkai('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.schema.const).toBe('gongkai-report/1');
    expect(schema.required).toEqual(expect.arrayContaining(['table2', 'table3', 'table4', 'sections']));
  });
});

describe('gongkai (no command)', () => {
  it('refuses an unknown command with exit 2', () => {
    const r = gongkai('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('frobnicate');
  });
});
