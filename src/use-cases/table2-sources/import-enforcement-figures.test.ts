import { expect, it } from 'vitest';
import { createTestAgency, TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { AppError } from '../../core/errors.ts';
import { parseFiguresCsv } from '../../core/table2-sources/parse-figures-csv.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import { countTable2 } from '../../store/table2-sources/count-table2.ts';
import { getEnforcementFigures } from '../../store/table2-sources/enforcement-statistics.repository.ts';
import { importEnforcementFigures } from './import-enforcement-figures.ts';
import { saveEnforcementFigures } from './save-enforcement-figures.ts';

const HEADER = '机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）';

describeEachDialect('importEnforcementFigures', (t) => {
  const run = (csv: string, mayWrite: (trx: unknown, id: string) => Promise<boolean> = async () => true) =>
    t.db
      .transaction()
      .execute((trx) => importEnforcementFigures(trx, parseFiguresCsv(csv), mayWrite, TEST_ACTOR, TEST_NOW));

  it('creates and replaces agency-years by id or name, audited, and table 二 shows them', async () => {
    const { agency } = await createTestAgency(t.db);
    await t.db
      .transaction()
      .execute((trx) =>
        saveEnforcementFigures(
          trx,
          agency.id,
          2024,
          { licensing: 1, punishment: 1, coercion: 1, feesWanYuanE4: 1 },
          null,
          TEST_ACTOR,
          TEST_NOW,
        ),
      );
    const result = await run(`${HEADER}\n${agency.id},2024,5,6,,0.5\n${agency.id},2025,0,0,0,0\n`);
    expect([result.created, result.updated]).toEqual([1, 1]);
    expect(await getEnforcementFigures(t.db, agency.id, 2024)).toMatchObject({
      licensing: 5,
      punishment: 6,
      coercion: null,
      feesWanYuanE4: 5000,
      version: 2,
    });
    const table = await countTable2(t.db, agency.id, 2024);
    expect([table.licensing, table.punishment, table.coercion, table.feesWanYuan]).toEqual([5, 6, null, 0.5]);
    expect(
      (await listAuditEntries(t.db, 'enforcement-statistics', `${agency.id}:2025`)).map((e) => e.action),
    ).toEqual(['import']);
  });

  it('stores nothing when one line is wrong: unknown agency, forbidden agency, same agency-year twice', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    const csv = [
      HEADER,
      `${agency.id},2023,1,2,3,4`,
      '不存在的局,2023,1,2,3,4',
      `${other.id},2023,1,2,3,4`,
    ].join('\n');
    let error: unknown;
    try {
      await run(csv, async (_trx, id) => id === agency.id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORBIDDEN');
    expect(
      ((error as AppError).details as { lines: Array<{ line: number }> }).lines.map((l) => l.line),
    ).toEqual([3, 4]);
    expect(await getEnforcementFigures(t.db, agency.id, 2023)).toBeNull();
    expect((await listAuditEntries(t.db, 'enforcement-statistics', `${agency.id}:2023`)).length).toBe(0);
  });
});
