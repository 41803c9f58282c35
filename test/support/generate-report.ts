import {
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  TABLE4_GROUP_KEYS,
  type Table3RowKey,
} from '../../src/core/report/labels.ts';
import type { Report } from '../../src/core/report/schema.ts';

import { seededRandom as prng } from '../../src/core/seeded-random.ts';

export { prng };

function int(random: () => number, max: number): number {
  return Math.floor(random() * (max + 1));
}

export interface GenerateOptions {
  agency?: string;
  year?: number;
  /** Upper bound for a single outcome cell. */
  scale?: number;
}

/**
 * A random report that satisfies every identity of the format (T3-01..03, T4-01..03) and has no
 * blank cell: the base that tests mutate to make one rule fire, and the corpus of the benchmarks.
 */
export function generateValidReport(seed: number, options: GenerateOptions = {}): Report {
  const random = prng(seed);
  const scale = options.scale ?? 5;
  const year = options.year ?? 2023 + (seed % 3);
  const table3 = Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, [0, 0, 0, 0, 0, 0, 0]])) as Record<
    Table3RowKey,
    number[]
  >;
  for (let c = 0; c < 6; c += 1) {
    let concluded = 0;
    for (const key of TABLE3_OUTCOME_KEYS) {
      // At least one natural-person application granted, so cross-table rules (X-01) stay quiet.
      const v =
        c === 0 && key === 'granted' ? 1 + int(random, scale) : random() < 0.6 ? 0 : int(random, scale);
      table3[key][c] = v;
      concluded += v;
    }
    const forward = int(random, scale);
    const over = int(random, Math.min(concluded + forward, scale));
    table3.totalConcluded[c] = concluded;
    table3.carriedForward[c] = forward;
    table3.carriedOver[c] = over;
    table3.newReceived[c] = concluded + forward - over;
  }
  for (const key of TABLE3_ROW_KEYS) {
    const row = table3[key];
    row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);
  }
  const table4 = Object.fromEntries(
    TABLE4_GROUP_KEYS.map((g) => {
      const parts = [0, 1, 2, 3].map(() => (random() < 0.7 ? 0 : int(random, 3)));
      return [g, [...parts, parts.reduce((a, b) => a + b, 0)]];
    }),
  ) as Report['table4'];
  if (table4.litigationAfterReview[4]! > 0 && table4.review[4] === 0) {
    // Litigation after reconsideration implies a reconsideration (X-02).
    table4.review[0] = 1;
    table4.review[4] = 1;
  }
  const docsIssued = int(random, 6);
  const docsRepealed = int(random, 3);
  return {
    schema: 'gongkai-report/1',
    formatVersion: '2021',
    agency: options.agency ?? `测试市第${seed}局`,
    year,
    publishedOn: `${year + 1}-01-${String(10 + int(random, 20)).padStart(2, '0')}`,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    title: `${options.agency ?? `测试市第${seed}局`}${year}年政府信息公开工作年度报告`,
    sections: {
      overview: `${year}年，本机关主动公开政府信息${int(random, 300)}条。`,
      problems: '一是主动公开的深度和广度仍需拓展。',
      other: `${year}年，本机关未收取信息处理费。`,
    },
    table2: {
      // A department has no rule-making power (T2-04), so 规章 stays 0.
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: {
        issued: docsIssued,
        repealed: docsRepealed,
        inForce: docsIssued + int(random, 40),
      },
      licensing: int(random, 500),
      punishment: int(random, 200),
      coercion: int(random, 20),
      feesWanYuan: Math.round(random() * 1_000_000) / 10_000,
    },
    table3: table3 as Report['table3'],
    table4,
    extras: { cells: [], rows: [] },
  };
}

/** A deep copy to mutate in a test. */
export function clone(report: Report): Report {
  return structuredClone(report);
}

/**
 * A random report in the 2019 format (国办公开办函〔2019〕60号) satisfying its identities: the
 * 2021 report of the same seed with （六）其他处理 summed into its one row and table 二 in the 2019
 * rows and columns (the 2021 table 二 all null).
 */
export function generateValid2019Report(seed: number, options: GenerateOptions = {}): Report {
  const base = generateValidReport(seed, { year: 2019 + (seed % 2), ...options });
  const random = prng(seed + 7919);
  const otherKeys = ['other.noCorrection', 'other.noFee', 'other.other'] as const;
  const otherHandling = [0, 1, 2, 3, 4, 5, 6].map((c) =>
    otherKeys.reduce((sum, k) => sum + (base.table3[k][c] ?? 0), 0),
  );
  for (const k of otherKeys) base.table3[k] = [null, null, null, null, null, null, null];
  const matters = (max: number) => {
    const previous = int(random, max);
    // 本年增/减 may be negative, but never below the projects there were.
    const change = Math.max(int(random, 6) - 3, -previous) || 0; // never -0
    return { previous, change, decisions: int(random, max * 20) };
  };
  const made = int(random, 8);
  const published = int(random, made);
  return {
    ...base,
    formatVersion: '2019',
    table2: {
      regulations: { issued: null, repealed: null, inForce: null },
      normativeDocuments: { issued: null, repealed: null, inForce: null },
      licensing: null,
      punishment: null,
      coercion: null,
      feesWanYuan: null,
    },
    format2019: {
      table2: {
        regulations: { made: 0, published: 0, total: 0 },
        normativeDocuments: { made, published, total: published + int(random, 40) },
        licensing: matters(30),
        otherServices: matters(10),
        punishment: matters(40),
        coercion: matters(5),
        fees: { previous: int(random, 4), change: 0 },
        procurement: { projects: int(random, 12), amount: Math.round(random() * 5_000_000) / 100 },
      },
      otherHandling,
    },
  };
}
