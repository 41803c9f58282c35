import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type CliRun, expectRefused, REPO_ROOT } from '../../../test/support/run-cli.ts';
import { loadSeedReport } from '../../../test/support/seeds.ts';
import type { Report } from '../../core/report/schema.ts';
import { readReportDocument } from '../../documents/ingest/read-document.ts';

const seeds = join(REPO_ROOT, 'test/fixtures/seeds');
const chromium = process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium';
const skipPdf = !existsSync(chromium) && process.env.CI !== 'true';

const dirs: string[] = [];
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-render-'));
  dirs.push(dir);
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * Like run-cli's gongkai, but in the test's own empty folder, where DOCX and PDF land by default:
 * a refusal must leave it as it was.
 */
function gongkai(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/gongkai.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Seed 002's truth with one change, saved as JSON in the test's folder. */
function seedJson(name: string, change: (report: Report) => void = () => undefined): string {
  const report = loadSeedReport('002');
  change(report);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(report));
  return path;
}

function documentXml(path: string): string {
  return strFromU8(unzipSync(readFileSync(path))['word/document.xml']!);
}

describe('gongkai render', () => {
  it('prints HTML to stdout', () => {
    const r = gongkai('render', join(seeds, '002.report.json'), '--to', 'html');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain(
      '<span>中卫市工业和信息化局</span><span>2023年政府信息公开工作年度报告</span>',
    );
    expect(r.stdout).toContain('<h2>三、收到和处理政府信息公开申请情况</h2>');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('prints Markdown to stdout that reads back to the same tables', async () => {
    const r = gongkai('render', join(seeds, '002.report.json'), '--to', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# 中卫市工业和信息化局2023年政府信息公开工作年度报告\n/);
    expect(r.stdout).toContain('## 四、政府信息公开行政复议、行政诉讼情况');
    const { report } = await readReportDocument(new TextEncoder().encode(r.stdout), 'report.md');
    const seed = loadSeedReport('002');
    expect([report.table2, report.table3, report.table4]).toEqual([seed.table2, seed.table3, seed.table4]);
  });

  it('writes a DOCX with -o', () => {
    const r = gongkai('render', join(seeds, '002.report.json'), '--to', 'docx', '-o', 'out.docx');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^已生成 out\.docx（\d+ KiB）\n$/);
    expect(documentXml(join(dir, 'out.docx'))).toContain('中卫市工业和信息化局');
  });

  it('converts a text report to DOCX, named after the input by default', async () => {
    const r = gongkai('render', join(seeds, '004.txt'), '--to', 'docx');
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['004.docx']);
    const path = join(dir, '004.docx');
    expect(documentXml(path)).toContain('淄博市大数据局');
    const { report, format } = await readReportDocument(readFileSync(path), '004.docx');
    expect(format).toBe('docx');
    expect(report.table3).toEqual(loadSeedReport('004').table3);
  });

  it('appends the findings with --findings', () => {
    const plain = gongkai('render', join(seeds, '002.txt'), '--to', 'md');
    expect(plain.stdout).not.toContain('附：核查结果');
    const r = gongkai('render', join(seeds, '002.txt'), '--to', 'md', '--findings');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## 附：核查结果');
    expect(r.stdout).toMatch(/\| 警告 \| N-08 \| 五、存在的主要问题及改进情况 · 第100行 \|/);
    expect(r.stdout.indexOf('## 附：核查结果')).toBeGreaterThan(
      r.stdout.indexOf('## 六、其他需要报告的事项'),
    );
  });

  it.each([
    [
      'JSON that is not a report',
      'shape.json',
      '{"schema":"gongkai-report/1"}',
      /不是有效的 gongkai-report\/1 年度报告/,
    ],
    [
      'a text that is not a report',
      'minutes.txt',
      '会议纪要\n今天开会讨论了三件事。\n',
      /不像政府信息公开工作年度报告/,
    ],
  ])('refuses %s with one line naming the file and exit 2', (_what, name, content, reason) => {
    writeFileSync(join(dir, name), content);
    const r = gongkai('render', name, '--to', 'docx', '-o', 'out.docx');
    expectRefused(r, reason);
    expect(r.stderr.startsWith(`gongkai: ${name}：`)).toBe(true);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it.each([
    [
      'a negative count',
      (report: Report) => {
        report.table3.granted[0] = -1;
      },
      '表三“（一）予以公开”行“自然人”列的值 -1 不是非负整数',
    ],
    [
      'a fractional count',
      (report: Report) => {
        report.table3['denied.thirdParty'][6] = 1.5;
      },
      '表三“（三）不予公开 4.保护第三方合法权益”行“总计”列的值 1.5 不是非负整数',
    ],
  ])('refuses a report with %s, naming the field, and writes no file', (_what, change, field) => {
    const input = seedJson('bad.json', change);
    for (const args of [
      ['--to', 'docx', '-o', 'out.docx'],
      ['--to', 'docx'],
      ['--to', 'pdf', '-o', 'out.pdf'],
      ['--to', 'html', '-o', 'out.html'],
    ]) {
      const r = gongkai('render', input, ...args);
      expectRefused(r, /无法生成报告$/m);
      expect(r.stderr).toContain(field);
      expect(readdirSync(dir)).toEqual(['bad.json']);
    }
  });

  it('refuses an unknown output format with exit 2', () => {
    const r = gongkai('render', join(seeds, '002.report.json'), '--to', 'rtf');
    expectRefused(r, /不支持的输出格式“rtf”：应为 html、docx、pdf 或 md/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a missing --to with exit 2', () => {
    const r = gongkai('render', join(seeds, '002.report.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--to');
  });

  it.skipIf(skipPdf)(
    skipPdf
      ? `writes a PDF — SKIPPED: no Chromium at ${chromium} (never skipped when CI=true)`
      : 'writes a PDF that reads back to the same tables',
    async () => {
      const r = gongkai('render', join(seeds, '003.report.json'), '--to', 'pdf', '-o', 'out.pdf');
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^已生成 out\.pdf/);
      const bytes = readFileSync(join(dir, 'out.pdf'));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { report, format } = await readReportDocument(bytes, 'out.pdf');
      const seed = loadSeedReport('003');
      expect(format).toBe('pdf');
      expect(report.agency).toBe(seed.agency);
      expect([report.table2, report.table3, report.table4]).toEqual([seed.table2, seed.table3, seed.table4]);
    },
    120_000,
  );
});
