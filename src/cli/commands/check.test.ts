import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seeds = join(root, 'test/fixtures/seeds');

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/gongkai.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('gongkai check', () => {
  it('exits 0 on a report without errors and prints the not-assessable rules', () => {
    const r = gongkai('check', join(seeds, '002.report.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('中卫市工业和信息化局 2023 年度');
    expect(r.stdout).toContain('P-01');
    expect(r.stdout).toContain('无法核验');
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
    ['a folder', () => seeds, /是一个目录/],
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
    expect(r.stdout).toContain('无法读取 1 个');
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
