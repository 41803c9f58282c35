import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handCountTable3, insertRandomApplications } from '../../../test/support/insert-applications.ts';
import { enterTestFigures, recordFeesCharged } from '../../../test/support/report-records.ts';
import { expectRefused, gongkai } from '../../../test/support/run-cli.ts';
import { tempSqliteFile } from '../../../test/support/store-test-db.ts';
import { openDatabase } from '../../store/dialect.ts';
import { migrateToLatest } from '../../store/migrations/migrate.ts';
import { createAgency, createRegion } from '../../store/organisation/organisation.repository.ts';

const file = tempSqliteFile();
let expected: Record<string, number[]>;
let incompleteId: string;

beforeAll(async () => {
  const opened = openDatabase(file.url);
  try {
    await migrateToLatest(opened.db);
    const region = await createRegion(opened.db, { code: '640599', name: '测试市', level: 'city' });
    const agency = await createAgency(opened.db, {
      regionId: region.id,
      name: '测试市数据局',
      kind: 'department',
    });
    const incomplete = await createAgency(opened.db, {
      regionId: region.id,
      name: '测试市统计局',
      kind: 'department',
    });
    incompleteId = incomplete.id;
    const facts = await insertRandomApplications(opened.db, {
      agencyId: agency.id,
      count: 80,
      seed: 4,
      from: '2024-10-01',
      days: 450,
    });
    expected = handCountTable3(facts, 2025);
    await enterTestFigures(opened.db, agency.id, 2025);
    await recordFeesCharged(opened.db, agency.id, 2025);
  } finally {
    await opened.close();
  }
}, 60_000);
afterAll(() => file.cleanup());

describe('gongkai report assemble', () => {
  it('prints the assembled report of an agency named by its name, tables as counted by hand', () => {
    const r = gongkai('report', 'assemble', '--agency', '测试市数据局', '--year', '2025', '--db', file.path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('gongkai-report/1');
    expect(report.agency).toBe('测试市数据局');
    expect(report.table3.newReceived).toEqual(expected.newReceived);
    expect(report.table3.carriedOver).toEqual(expected.carriedOver);
    expect(report.table3.carriedForward).toEqual(expected.carriedForward);
    expect(report.sections.overview).toContain(`共收到政府信息公开申请${expected.newReceived![6]}件`);
  });

  it('writes a file with -o, and lists the errors (exit 1) when table 二 figures were not entered', () => {
    const out = join(file.path, '..', 'report.json');
    const r = gongkai(
      'report',
      'assemble',
      '--agency',
      incompleteId,
      '--year',
      '2025',
      '--db',
      file.url,
      '-o',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('已写入');
    expect(r.stderr).toContain('T2-01');
    expect(JSON.parse(readFileSync(out, 'utf8')).agency).toBe('测试市统计局');
  });

  it('refuses an unknown agency, a bad year and a missing database with one Chinese line', () => {
    expectRefused(
      gongkai('report', 'assemble', '--agency', '不存在局', '--year', '2025', '--db', file.path),
      '不存在',
    );
    expectRefused(
      gongkai('report', 'assemble', '--agency', '测试市数据局', '--year', '25', '--db', file.path),
      '年度',
    );
    expectRefused(
      gongkai('report', 'assemble', '--agency', '测试市数据局', '--year', '2019', '--db', file.path),
      '2021',
    );
    expectRefused(
      gongkai('report', 'assemble', '--agency', 'x', '--year', '2025', '--db', '/no/such.db'),
      '不存在',
    );
  });
});
