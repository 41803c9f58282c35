import { expect, it } from 'vitest';
import { random } from '../../../test/support/random.ts';
import { createTestAgency, TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { addDays } from '../../core/dates.ts';
import type { AppError } from '../../core/errors.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import {
  getNormativeDocument,
  listNormativeDocuments,
  type StoredNormativeDocument,
} from '../../store/table2-sources/normative-documents.repository.ts';
import { issueNormativeDocument } from './issue-normative-document.ts';
import { repealNormativeDocument } from './repeal-normative-document.ts';

const code = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e.code,
  );

describeEachDialect('normative documents repository', (t) => {
  it('lists the documents in force on a day, and of a kind, as an in-memory filter does', async () => {
    const rand = random(11);
    const { agency } = await createTestAgency(t.db);
    const docs: StoredNormativeDocument[] = [];
    for (let i = 0; i < 50; i += 1) {
      const issuedOn = addDays('2023-01-01', Math.floor(rand() * 1200));
      const repealedOn = addDays(issuedOn, Math.floor(rand() * 500));
      const doc = await t.db.transaction().execute(async (trx) => {
        const d = await issueNormativeDocument(
          trx,
          agency.id,
          {
            kind: rand() < 0.3 ? 'regulation' : 'normative',
            documentNumber: `文〔${i}〕号`,
            title: `文件${i}`,
            issuedOn,
          },
          TEST_ACTOR,
          TEST_NOW,
        );
        return rand() < 0.5 && repealedOn <= TEST_NOW.today
          ? repealNormativeDocument(trx, agency.id, d.id, repealedOn, d.version, TEST_ACTOR, TEST_NOW)
          : d;
      });
      docs.push(doc);
    }
    for (const day of ['2023-06-30', '2024-12-31', '2025-07-01', '2026-06-30']) {
      const expected = docs
        .filter((d) => d.issuedOn <= day && (d.repealedOn === null || d.repealedOn > day))
        .map((d) => d.id)
        .sort();
      const listed = await listNormativeDocuments(t.db, agency.id, { inForceOn: day }, { limit: 1000 });
      expect(listed.map((d) => d.id).sort(), day).toEqual(expected);
    }
    const regulations = await listNormativeDocuments(
      t.db,
      agency.id,
      { kind: 'regulation' },
      { limit: 1000 },
    );
    expect(regulations.length).toBe(docs.filter((d) => d.kind === 'regulation').length);
    const all = await listNormativeDocuments(t.db, agency.id, {}, { limit: 1000 });
    expect(all.map((d) => d.issuedOn)).toEqual(
      docs
        .map((d) => d.issuedOn)
        .sort()
        .reverse(),
    );
  });

  it('refuses a duplicate number, a second repeal and a stale version, and audits issue and repeal', async () => {
    const { agency } = await createTestAgency(t.db);
    const input = {
      kind: 'normative',
      documentNumber: '卫办发〔2025〕1号',
      title: '某办法',
      issuedOn: '2025-01-10',
    } as const;
    const doc = await t.db
      .transaction()
      .execute((trx) => issueNormativeDocument(trx, agency.id, input, TEST_ACTOR, TEST_NOW));
    expect(
      await code(
        t.db
          .transaction()
          .execute((trx) => issueNormativeDocument(trx, agency.id, input, TEST_ACTOR, TEST_NOW)),
      ),
    ).toBe('CONFLICT');
    const { agency: other } = await createTestAgency(t.db);
    expect(
      await code(
        t.db
          .transaction()
          .execute((trx) => issueNormativeDocument(trx, other.id, input, TEST_ACTOR, TEST_NOW)),
      ),
    ).toBe(null);
    const repeal = (on: string, version: number) =>
      t.db
        .transaction()
        .execute((trx) => repealNormativeDocument(trx, agency.id, doc.id, on, version, TEST_ACTOR, TEST_NOW));
    expect(await code(repeal('2025-02-01', 2))).toBe('CONFLICT');
    expect(await code(repeal('2025-01-09', 1))).toBe('INVALID_INPUT');
    expect(await code(repeal('2026-07-01', 1))).toBe('INVALID_INPUT');
    expect(await code(repeal('2025-02-30', 1))).toBe('INVALID_DATE');
    expect((await repeal('2025-01-10', 1)).repealedOn).toBe('2025-01-10');
    expect(await code(repeal('2025-03-01', 2))).toBe('CONFLICT');
    expect(await getNormativeDocument(t.db, other.id, doc.id)).toBeNull();
    expect((await listAuditEntries(t.db, 'normative-document', doc.id)).map((e) => e.action)).toEqual([
      'issue',
      'repeal',
    ]);
  });
});
