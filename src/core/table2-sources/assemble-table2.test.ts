import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { seededRandom } from '../seeded-random.ts';
import { assembleTable2 } from './assemble-table2.ts';
import type { NormativeDocumentFacts } from './normative-document.ts';

const random = seededRandom;

describe('assembleTable2', () => {
  it('counts issue, repeal and stock on the year boundaries', () => {
    const docs: NormativeDocumentFacts[] = [
      { kind: 'regulation', issuedOn: '2024-12-31', repealedOn: '2025-01-01' },
      { kind: 'regulation', issuedOn: '2025-01-01', repealedOn: null },
      { kind: 'normative', issuedOn: '2025-12-31', repealedOn: '2026-01-01' },
    ];
    expect(assembleTable2(docs, null, 2025)).toEqual({
      regulations: { issued: 1, repealed: 1, inForce: 1 },
      normativeDocuments: { issued: 1, repealed: 0, inForce: 1 },
      licensing: null,
      punishment: null,
      coercion: null,
      feesWanYuan: null,
    });
  });

  it('satisfies rule Y-02 exactly on random registers: 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N)', () => {
    const rand = random(3);
    for (let trial = 0; trial < 50; trial += 1) {
      const docs: NormativeDocumentFacts[] = Array.from({ length: 40 }, () => {
        const issuedOn = addDays('2020-01-01', Math.floor(rand() * 2500));
        return {
          kind: rand() < 0.5 ? 'regulation' : 'normative',
          issuedOn,
          repealedOn: rand() < 0.5 ? addDays(issuedOn, Math.floor(rand() * 900)) : null,
        };
      });
      for (let year = 2020; year <= 2027; year += 1) {
        const now = assembleTable2(docs, null, year);
        const before = assembleTable2(docs, null, year - 1);
        for (const key of ['regulations', 'normativeDocuments'] as const) {
          expect(now[key].inForce).toBe(before[key].inForce! + now[key].issued! - now[key].repealed!);
          expect(now[key].issued!).toBeLessThanOrEqual(now[key].inForce! + now[key].repealed!);
        }
      }
    }
  });
});
