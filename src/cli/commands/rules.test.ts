import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gongkai } from '../../../test/support/run-cli.ts';

describe('gongkai rules', () => {
  it('lists every rule, the 2019 format’s table-二 rules (T2-05, T2-06) included', () => {
    const r = gongkai('rules');
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const t205 = rows.find((row) => row[0] === 'T2-05');
    expect(t205?.slice(1, 3)).toEqual(['错误', '表格数据']);
    expect(t205?.[3]).toContain('2019年格式表二');
    expect(rows.find((row) => row[0] === 'T2-06')?.slice(1, 3)).toEqual(['警告', '表格数据']);
    expect(rows.map((row) => row[0])).toContain('T3-02');
  });

  it('gives the catalogue as JSON', () => {
    const rules = JSON.parse(gongkai('rules', '--json').stdout) as Array<{ id: string; severity: string }>;
    expect(rules.find((r) => r.id === 'T2-06')).toMatchObject({ severity: 'warning', scope: 'data' });
  });

  it('is described in docs/rules.md, the rules DOMAIN.md §F does not list included', () => {
    const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    for (const id of ['T2-05', 'T2-06']) expect(doc).toContain(id);
    expect(doc).toContain('gongkai rules');
  });
});
