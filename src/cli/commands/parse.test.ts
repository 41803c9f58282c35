import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefused, gongkai, REPO_ROOT, tempFile } from '../../../test/support/run-cli.ts';
import { comparable, loadSeedReport, SEED_NAMES } from '../../../test/support/seeds.ts';
import { parseReport } from '../../core/report/parse-report.ts';

const seeds = join(REPO_ROOT, 'test/fixtures/seeds');

describe('gongkai parse', () => {
  it('prints the report and its tables as text', () => {
    const r = gongkai('parse', join(seeds, '002.txt'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('机关：中卫市工业和信息化局　年度：2023　统计期限：2023-01-01 至 2023-12-31');
    expect(r.stdout).toContain('\n二、主动公开政府信息情况\n');
    expect(r.stdout).toMatch(/\n\s+行政许可\s+13\n/);
    expect(r.stdout).toMatch(
      /\n\s+自然人\s+商业企业\s+科研机构\s+社会公益组织\s+法律服务机构\s+其他\s+总计\n/,
    );
    expect(r.stdout).toMatch(/\n\s+一、本年新收政府信息公开申请数量\s+1\s+0\s+0\s+0\s+0\s+0\s+1\n/);
    expect(r.stdout).toMatch(/\n\s+（三）不予公开 4\.保护第三方合法权益\s+1\s+0\s+0\s+0\s+0\s+0\s+1\n/);
    expect(r.stdout).toContain('\n四、政府信息公开行政复议、行政诉讼情况\n');
  });

  it.each(SEED_NAMES)(
    'prints seed %s with --json as a gongkai-report/1 holding every number of the seed',
    (name) => {
      const r = gongkai('parse', join(seeds, `${name}.txt`), '--json');
      expect(r.code).toBe(0);
      const report = parseReport(JSON.parse(r.stdout));
      expect(report.schema).toBe('gongkai-report/1');
      expect(comparable(report)).toEqual(comparable(loadSeedReport(name)));
    },
  );

  it('records where each row was printed with --json', () => {
    const report = JSON.parse(gongkai('parse', join(seeds, '002.txt'), '--json').stdout);
    expect(report.provenance['table2.licensing']).toMatchObject({ line: 49 });
    expect(report.provenance['table3.denied.thirdParty']).toMatchObject({ line: 70 });
  });

  it.each([
    ['a missing file', () => join(seeds, 'missing.txt'), /^gongkai: .*missing\.txt：文件不存在\n$/],
    ['an empty file', () => tempFile('empty.txt', ''), /^gongkai: .*empty\.txt：文件为空/],
    [
      'a zip bomb',
      () => join(REPO_ROOT, 'test/fixtures/documents/bad/zip-bomb.docx'),
      /^gongkai: .*zip-bomb\.docx：.*疑似压缩炸弹/,
    ],
  ])('refuses %s with one line and exit 2', (_what, path, message) => {
    expectRefused(gongkai('parse', path()), message);
  });
});
