import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusZip } from '../../../test/support/corpus-zip.ts';
import { createCorpusRegion, regionCorpus } from '../../../test/support/region-corpus.ts';
import { gongkai, tempFile } from '../../../test/support/run-cli.ts';
import { tempSqliteFile } from '../../../test/support/store-test-db.ts';
import { openDatabase } from '../../store/dialect.ts';
import { migrateToLatest } from '../../store/migrations/migrate.ts';
import { createAgency, createRegion } from '../../store/organisation/organisation.repository.ts';

const SEEDS = new URL('../../../test/fixtures/seeds/', import.meta.url).pathname;
const file = tempSqliteFile();
const db = ['--db', file.url];
const corpus = regionCorpus({
  agencies: 500,
  years: [2023, 2024, 2025],
  missing: (i, y) => y === 2025 && i % 10 === 1,
});
let bigCode = '';

beforeAll(async () => {
  const opened = openDatabase(file.url);
  await migrateToLatest(opened.db);
  const region = await createRegion(opened.db, { code: '640500', name: '中卫市', level: 'city' });
  for (const name of ['中卫市数据局', '中卫市工业和信息化局', '中卫市机关事务服务中心']) {
    await createAgency(opened.db, { regionId: region.id, name, kind: 'department' });
  }
  bigCode = (await createCorpusRegion(opened.db, corpus)).region.code;
  await opened.close();
}, 60_000);
afterAll(() => file.cleanup());

const json = (stdout: string) =>
  JSON.parse(stdout) as {
    imported: number;
    alreadyImported: number;
    skipped: number;
    files: Array<{ name: string; status: string; reason: string | null }>;
  };

describe('gongkai import', () => {
  it('asks before storing and stores nothing when not confirmed', () => {
    const r = gongkai('import', SEEDS, '--region', '640500', ...db);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('待导入 3 份');
    expect(r.stderr).toContain('已取消');
  });

  it('imports the seeds of the region, maps the renamed agency, skips the other city, and recognises a re-import', () => {
    const args = [
      'import',
      SEEDS,
      '--region',
      '640500',
      '--map',
      '中卫市云计算和大数据发展局=中卫市数据局',
      '--yes',
      ...db,
    ];
    const first = gongkai(...args);
    expect(first.stdout).toContain('导入完成：已导入 4 份，已导入过 0 份，跳过 1 份');
    expect(first.stdout).toMatch(/跳过 .*004\.txt：机关“淄博市大数据局”不属于本地区/);
    expect(first.code).toBe(2);
    const again = json(gongkai(...args, '--json').stdout);
    expect(again).toMatchObject({ imported: 0, alreadyImported: 4, skipped: 1 });
  });

  it('imports a zip of 500 agencies × 3 years, and skips hostile entries and other years with a reason', () => {
    const zip = corpusZip(corpus, {
      '../escape.txt': new TextEncoder().encode('x'),
      'C:/windows.txt': new TextEncoder().encode('x'),
      'nested.zip': zipSync({ 'a.txt': new TextEncoder().encode('x') }),
      '说明.txt': new TextEncoder().encode('这是一份说明，不是年度报告。'),
    });
    const path = tempFile('reports.zip', zip);
    const r = gongkai('import', path, '--region', bigCode, '--year', '2024', '--yes', '--json', ...db);
    const summary = json(r.stdout);
    const of2024 = corpus.files.filter((f) => f.report.year === 2024).length;
    expect(summary.imported).toBe(of2024);
    const reasons = new Map(summary.files.map((f) => [f.name.slice(path.length + 1), f.reason]));
    expect(reasons.get('../escape.txt')).toContain('路径穿越');
    expect(reasons.get('C:/windows.txt')).toContain('盘符');
    expect(reasons.get('nested.zip')).toContain('嵌套');
    expect(reasons.get('说明.txt')).toContain('不像政府信息公开工作年度报告');
    expect(reasons.get('2023/0000.txt')).toContain('与指定的 2024 年不符');
    expect(summary.skipped).toBe(corpus.files.length - of2024 + 4);
    const all = json(gongkai('import', path, '--region', bigCode, '--yes', '--json', ...db).stdout);
    expect(all.imported).toBe(corpus.files.length - of2024);
    expect(all.alreadyImported).toBe(of2024);
  }, 120_000);

  it('refuses usage errors in one Chinese line', () => {
    const r = gongkai('import', SEEDS, '--region', '999999', '--yes', ...db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('行政区划代码 999999 不存在');
    expect(gongkai('import', SEEDS, '--region', '640500', '--map', '无等号', ...db).stderr).toContain(
      '--map',
    );
  });
});

describe('gongkai export', () => {
  it('writes CSV with a BOM, XLSX and JSON of the region with the same numbers', async () => {
    const dir = dirname(tempFile('x', ''));
    const csvPath = join(dir, 'r.csv');
    const r = gongkai('export', '--region', bigCode, '--from', '2024', '--to', '2025', '-o', csvPath, ...db);
    expect(r.code).toBe(0);
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const expected = corpus.files.filter((f) => f.report.year >= 2024);
    expect(lines).toHaveLength(expected.length + 1);
    const header = lines[0]!.split(',');
    const granted = header.indexOf('t3_granted_total');
    const sumCsv = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[granted]), 0);
    expect(sumCsv).toBe(expected.reduce((s, f) => s + f.report.table3.granted[6]!, 0));

    const xlsxPath = join(dir, 'r.xlsx');
    expect(
      gongkai(
        'export',
        '--region',
        bigCode,
        '--from',
        '2024',
        '--to',
        '2025',
        '--format',
        'xlsx',
        '-o',
        xlsxPath,
        ...db,
      ).code,
    ).toBe(0);
    const [sheet] = await readXlsxFile(readFileSync(xlsxPath));
    expect(sheet!.data).toHaveLength(expected.length + 1);
    // XLSX is for people: the form's own words head each column (the CSV keeps the keys).
    expect(sheet!.data[0]![granted]).toBe('表三 （一）予以公开 总计');
    expect(sheet!.data.slice(1).reduce((s, row) => s + Number(row[granted]), 0)).toBe(sumCsv);

    const jsonPath = join(dir, 'r.json');
    expect(
      gongkai('export', '--region', bigCode, '--from', '2025', '--format', 'json', '-o', jsonPath, ...db)
        .code,
    ).toBe(0);
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(exported.reports).toHaveLength(corpus.files.filter((f) => f.report.year === 2025).length);
  }, 60_000);

  it('refuses XLSX to the terminal and an unknown format', () => {
    expect(
      gongkai('export', '--region', bigCode, '--from', '2024', '--format', 'xlsx', ...db).stderr,
    ).toContain('-o');
    expect(
      gongkai('export', '--region', bigCode, '--from', '2024', '--format', 'pdf', ...db).stderr,
    ).toContain('不支持的导出格式');
    expect(
      gongkai('export', '--region', bigCode, '--from', '2024', '--headers', 'fr', ...db).stderr,
    ).toContain('不支持的表头');
  });
});
