import { expect, it } from 'vitest';
import { random } from '../../../test/support/random.ts';
import {
  issueNormativeDocument,
  repealNormativeDocument,
  saveEnforcementFigures,
} from '../../../test/support/record-writes.ts';
import { createTestAgency, TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { addDays } from '../../core/dates.ts';
import { assembleTable2 } from '../../core/table2-sources/assemble-table2.ts';
import type { EnforcementFigures } from '../../core/table2-sources/enforcement-figures.ts';
import {
  NORMATIVE_KINDS,
  type NormativeDocumentFacts,
} from '../../core/table2-sources/normative-document.ts';
import { countTable2 } from './count-table2.ts';

const TODAY = TEST_NOW.today;

describeEachDialect('countTable2', (t) => {
  async function issue(agencyId: string, doc: NormativeDocumentFacts, n: number): Promise<void> {
    await t.db.transaction().execute(async (trx) => {
      const stored = await issueNormativeDocument(
        trx,
        agencyId,
        {
          kind: doc.kind,
          documentNumber: `测试〔${n}〕${n}号`,
          title: `测试文件${n}`,
          issuedOn: doc.issuedOn,
        },
        TEST_ACTOR,
        TEST_NOW,
      );
      if (doc.repealedOn !== null) {
        await repealNormativeDocument(trx, agencyId, stored.id, doc.repealedOn, 1, TEST_ACTOR, TEST_NOW);
      }
    });
  }

  it('equals the core assembleTable2 on a random register and random figures, for every year', async () => {
    for (const seed of [1, 2]) {
      const rand = random(seed);
      const { agency } = await createTestAgency(t.db);
      const docs: NormativeDocumentFacts[] = [];
      for (let i = 0; i < 60; i += 1) {
        const issuedOn = addDays('2022-06-01', Math.floor(rand() * 1490));
        const repealedAfter = addDays(issuedOn, Math.floor(rand() * 700));
        const doc: NormativeDocumentFacts = {
          kind: NORMATIVE_KINDS[rand() < 0.3 ? 0 : 1]!,
          issuedOn,
          repealedOn: rand() < 0.4 && repealedAfter <= TODAY ? repealedAfter : null,
        };
        docs.push(doc);
        await issue(agency.id, doc, i);
      }
      const figures = new Map<number, EnforcementFigures>();
      for (const year of [2023, 2025]) {
        const cell = () => (rand() < 0.2 ? null : Math.floor(rand() * 5000));
        const f: EnforcementFigures = {
          licensing: cell(),
          punishment: cell(),
          coercion: cell(),
          feesWanYuanE4: rand() < 0.2 ? null : Math.floor(rand() * 100_000_000),
        };
        figures.set(year, f);
        await t.db
          .transaction()
          .execute((trx) => saveEnforcementFigures(trx, agency.id, year, f, null, TEST_ACTOR, TEST_NOW));
      }
      // The random register has documents of every kind issued, repealed and in force.
      const t2024 = assembleTable2(docs, null, 2024);
      expect(
        [t2024.regulations, t2024.normativeDocuments].every((s) => s.issued! > 0 && s.inForce! > 0) &&
          t2024.normativeDocuments.repealed! > 0,
      ).toBe(true);
      for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
        expect(await countTable2(t.db, agency.id, year), `seed ${seed}, year ${year}`).toEqual(
          assembleTable2(docs, figures.get(year) ?? null, year),
        );
      }
    }
  });

  it('counts documents on the year boundaries as the core does', async () => {
    const { agency } = await createTestAgency(t.db);
    const docs: NormativeDocumentFacts[] = [
      { kind: 'normative', issuedOn: '2024-12-31', repealedOn: null },
      { kind: 'normative', issuedOn: '2025-01-01', repealedOn: '2025-12-31' },
      { kind: 'normative', issuedOn: '2024-03-01', repealedOn: '2026-01-01' },
      { kind: 'normative', issuedOn: '2025-12-31', repealedOn: '2025-12-31' },
      { kind: 'regulation', issuedOn: '2023-05-05', repealedOn: '2025-01-01' },
      { kind: 'regulation', issuedOn: '2026-01-01', repealedOn: null },
    ];
    for (const [i, doc] of docs.entries()) await issue(agency.id, doc, i);
    const t2025 = await countTable2(t.db, agency.id, 2025);
    expect(t2025).toEqual(assembleTable2(docs, null, 2025));
    // By hand: normative issued 2025-01-01 and 2025-12-31; repealed both on 2025-12-31; in force
    // on 31 December the 2024-12-31 one and the 2024-03-01 one (repealed only in 2026).
    expect(t2025.normativeDocuments).toEqual({ issued: 2, repealed: 2, inForce: 2 });
    expect(t2025.regulations).toEqual({ issued: 0, repealed: 1, inForce: 0 });
    expect([t2025.licensing, t2025.punishment, t2025.coercion, t2025.feesWanYuan]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('keeps the fee exact to 0.0001 万元 and a zero distinct from a blank', async () => {
    const { agency } = await createTestAgency(t.db);
    const figures: EnforcementFigures = {
      licensing: 0,
      punishment: null,
      coercion: 7,
      feesWanYuanE4: 8_999_999_999_999,
    };
    await t.db
      .transaction()
      .execute((trx) => saveEnforcementFigures(trx, agency.id, 2025, figures, null, TEST_ACTOR, TEST_NOW));
    const table = await countTable2(t.db, agency.id, 2025);
    expect([table.licensing, table.punishment, table.coercion]).toEqual([0, null, 7]);
    expect(table.feesWanYuan).toBe(899_999_999.9999);
    expect(await countTable2(t.db, agency.id, 2024)).toEqual(assembleTable2([], null, 2024));
  });

  it('counts nothing of another agency', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    await issue(other.id, { kind: 'normative', issuedOn: '2025-02-02', repealedOn: null }, 1);
    expect(await countTable2(t.db, agency.id, 2025)).toEqual(assembleTable2([], null, 2025));
    expect((await countTable2(t.db, other.id, 2025)).normativeDocuments.issued).toBe(1);
  });
});
