import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  applicationInput,
  createTestAgency,
  TEST_ACTOR,
  TEST_NOW,
} from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { findApplicationByFollowUp, getApplicant } from '../../store/applications/applications.repository.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import { verifyAuditChain } from '../../store/audit/verify-audit-chains.ts';
import { prepareRegistration, storeRegistrations } from './register-application.ts';
import { registerApplicationInGroup } from './register-application-in-group.ts';

describeEachDialect('registerApplicationInGroup', (t) => {
  describe('storeRegistrations', () => {
    it('stores a group in one transaction: numbers in order per year, applicants apart, one audit entry each', async () => {
      const { agency } = await createTestAgency(t.db);
      const inputs = ['2026-03-02', '2025-12-31', '2026-03-02', '2026-03-02', '2025-12-31'].map(
        (submittedOn, i) =>
          applicationInput(agency.id, {
            submittedOn,
            description: `第${i}件申请`,
            applicant: { name: `申请人${i}`, phone: `1380013800${i}` },
          }),
      );
      const stored = await t.db.transaction().execute((trx) =>
        storeRegistrations(
          trx,
          inputs.map((input) => prepareRegistration(input, TEST_ACTOR, TEST_NOW)),
        ),
      );
      expect(stored.map((r) => [r.application.trackingNumber, r.application.description])).toEqual([
        ['2026-0001', '第0件申请'],
        ['2025-0001', '第1件申请'],
        ['2026-0002', '第2件申请'],
        ['2026-0003', '第3件申请'],
        ['2025-0002', '第4件申请'],
      ]);
      for (const [i, r] of stored.entries()) {
        expect(await getApplicant(t.db, agency.id, r.application.id)).toMatchObject({
          name: `申请人${i}`,
          phone: `1380013800${i}`,
        });
        const audit = await listAuditEntries(t.db, 'application', r.application.id);
        expect(audit.map((e) => e.after)).toEqual([JSON.parse(JSON.stringify(r.application))]);
      }
      const seqs = (
        await Promise.all(stored.map((r) => listAuditEntries(t.db, 'application', r.application.id)))
      ).map(([e]) => e!.seq);
      expect(seqs).toEqual([1, 2, 3, 4, 5]);
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });
  });

  describe('concurrent registrations of several agencies', () => {
    it('numbers each agency from 1 without a gap or a repeat, each in its own verifiable chain', async () => {
      const agencies = await Promise.all([0, 1, 2].map(() => createTestAgency(t.db)));
      const inputs = Array.from({ length: 60 }, (_, i) =>
        applicationInput(agencies[i % 3]!.agency.id, { description: `第${i}件申请` }),
      );
      const results = await Promise.all(
        inputs.map((input) => registerApplicationInGroup(t.db, input, TEST_ACTOR, TEST_NOW)),
      );
      for (const [k, { agency }] of agencies.entries()) {
        const mine = results.filter((_, i) => i % 3 === k);
        expect(mine.every((r) => r.application.agencyId === agency.id)).toBe(true);
        expect(mine.map((r) => r.application.trackingNumber).sort()).toEqual(
          Array.from({ length: 20 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`),
        );
        const audit = await Promise.all(
          mine.map((r) => listAuditEntries(t.db, 'application', r.application.id)),
        );
        const chains = new Set(audit.map(([e]) => e!.chain));
        expect(chains.size).toBe(1);
        expect(audit.map(([e]) => e!.seq).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
      }
      for (const [i, r] of results.entries()) expect(r.application.description).toBe(inputs[i]!.description);
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });
  });

  describe('concurrent registrations of one agency', () => {
    it('gives each caller its own application, numbered without a gap or a repeat in each year', async () => {
      const { agency } = await createTestAgency(t.db);
      // One in three received in 2025 (in person: received the day it is submitted).
      const inputs = Array.from({ length: 90 }, (_, i) =>
        applicationInput(agency.id, {
          description: `第${i}件申请的内容描述`,
          submittedOn: i % 3 === 0 ? '2025-12-31' : '2026-03-02',
        }),
      );
      const results = await Promise.all(
        inputs.map((input) => registerApplicationInGroup(t.db, input, TEST_ACTOR, TEST_NOW)),
      );
      const numbersOf = (year: number) =>
        results
          .map((r) => r.application.trackingNumber)
          .filter((n) => n.startsWith(`${year}-`))
          .sort();
      const expected = (year: number, count: number) =>
        Array.from({ length: count }, (_, i) => `${year}-${String(i + 1).padStart(4, '0')}`);
      expect(numbersOf(2025)).toEqual(expected(2025, 30));
      expect(numbersOf(2026)).toEqual(expected(2026, 60));
      for (const [i, result] of results.entries()) {
        expect(result.application.description).toBe(inputs[i]!.description);
        const found = await findApplicationByFollowUp(
          t.db,
          agency.id,
          result.application.trackingNumber,
          result.followUpCode,
        );
        expect(found).toEqual(result.application);
        const audit = await listAuditEntries(t.db, 'application', result.application.id);
        expect(audit.map((e) => [e.action, (e.after as { trackingNumber: string }).trackingNumber])).toEqual([
          ['register', result.application.trackingNumber],
        ]);
      }
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });

    it('refuses a registration with bad input to its caller alone', async () => {
      const { agency } = await createTestAgency(t.db);
      const good = Array.from({ length: 5 }, () =>
        registerApplicationInGroup(t.db, applicationInput(agency.id), TEST_ACTOR, TEST_NOW),
      );
      const future = registerApplicationInGroup(
        t.db,
        applicationInput(agency.id, { submittedOn: '2026-07-01' }),
        TEST_ACTOR,
        TEST_NOW,
      );
      await expect(future).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      const numbers = (await Promise.all(good)).map((r) => r.application.trackingNumber).sort();
      expect(numbers).toEqual(['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005']);
    });

    it('refuses with 429 what would wait beyond the bound, and stores the others', async () => {
      const { agency } = await createTestAgency(t.db);
      const attempts = Array.from({ length: 8 }, () =>
        registerApplicationInGroup(t.db, applicationInput(agency.id), TEST_ACTOR, TEST_NOW, 2),
      );
      const settled = await Promise.allSettled(attempts);
      const refused = settled.filter(
        (s) => s.status === 'rejected' && (s.reason as { code: string }).code === 'TOO_MANY_REQUESTS',
      );
      const stored = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      expect(refused.length + stored.length).toBe(8);
      if (t.dialect === 'postgres') {
        // The first starts at once, two wait for it; the other five find the queue full.
        expect(refused).toHaveLength(5);
      } else {
        expect(refused).toHaveLength(0);
      }
      const numbers = stored.map((r) => r.application.trackingNumber).sort();
      expect(numbers).toEqual(numbers.map((_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
    });

    it('gives each registration of a group that fails its own error (an unknown agency: 404 each)', async () => {
      const unknown = randomUUID();
      const attempts = Array.from({ length: 6 }, () =>
        registerApplicationInGroup(t.db, applicationInput(unknown), TEST_ACTOR, TEST_NOW),
      );
      const settled = await Promise.allSettled(attempts);
      expect(
        settled.map((s) => (s.status === 'rejected' ? (s.reason as { code: string }).code : 'stored')),
      ).toEqual(Array(6).fill('NOT_FOUND'));
      const counters = await t.db
        .selectFrom('tracking_counters')
        .select('last_number')
        .where('agency_id', '=', unknown)
        .execute();
      expect(counters).toEqual([]);
    });
  });
});
