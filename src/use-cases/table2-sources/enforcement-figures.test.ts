import { expect, it } from 'vitest';
import { createTestAgency, TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import type { AppError } from '../../core/errors.ts';
import type { EnforcementFigures } from '../../core/table2-sources/enforcement-figures.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import { getEnforcementFigures } from '../../store/table2-sources/enforcement-statistics.repository.ts';
import { saveEnforcementFigures } from './save-enforcement-figures.ts';

const FIGURES: EnforcementFigures = { licensing: 3, punishment: null, coercion: 0, feesWanYuanE4: 12_345 };

describeEachDialect('saveEnforcementFigures', (t) => {
  const save = (agencyId: string, figures: EnforcementFigures, expectedVersion: number | null, year = 2025) =>
    t.db
      .transaction()
      .execute((trx) =>
        saveEnforcementFigures(trx, agencyId, year, figures, expectedVersion, TEST_ACTOR, TEST_NOW),
      );

  it('returns what it stored, and lets exactly one of two simultaneous first entries through', async () => {
    const { agency } = await createTestAgency(t.db);
    const results = await Promise.allSettled([
      save(agency.id, FIGURES, null),
      save(agency.id, { ...FIGURES, licensing: 99 }, null),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(fulfilled.length).toBe(1);
    expect(rejected.map((r) => ((r as PromiseRejectedResult).reason as AppError).code)).toEqual(['CONFLICT']);
    const stored = await getEnforcementFigures(t.db, agency.id, 2025);
    expect(stored).toEqual((fulfilled[0] as PromiseFulfilledResult<unknown>).value);
    expect((await listAuditEntries(t.db, 'enforcement-statistics', `${agency.id}:2025`)).length).toBe(1);
  });

  it('refuses a stale version, bad figures and an unknown agency, storing nothing', async () => {
    const { agency } = await createTestAgency(t.db);
    await save(agency.id, FIGURES, null);
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: AppError) => e.code,
      );
    expect(await code(save(agency.id, FIGURES, null))).toBe('CONFLICT');
    expect(await code(save(agency.id, FIGURES, 2))).toBe('CONFLICT');
    expect(await code(save(agency.id, { ...FIGURES, coercion: -1 }, 1))).toBe('INVALID_INPUT');
    expect(await code(save(agency.id, { ...FIGURES, licensing: 1.5 }, 1))).toBe('INVALID_INPUT');
    expect(await code(save(agency.id, { ...FIGURES, feesWanYuanE4: -1 }, 1))).toBe('INVALID_INPUT');
    expect(await code(save(agency.id, FIGURES, null, 1999))).toBe('INVALID_INPUT');
    expect(await code(save('no-such-agency', FIGURES, null))).toBe('NOT_FOUND');
    expect((await getEnforcementFigures(t.db, agency.id, 2025))?.version).toBe(1);
    const updated = await save(agency.id, { ...FIGURES, licensing: null }, 1);
    expect(updated).toEqual(await getEnforcementFigures(t.db, agency.id, 2025));
    expect(updated).toMatchObject({ licensing: null, version: 2 });
  });
});
