import {
  TABLE3_ROW_KEYS,
  TABLE3_TOTAL_COLUMN,
  TABLE4_TOTAL_COLUMN,
  type Table3RowKey,
} from '../report/labels.ts';
import type { Table3, Table4 } from '../report/schema.ts';

/** A share in per cent with one decimal, or null when the base is blank or zero (no division by zero). */
export interface Rate {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

function rate(numerator: number | null, denominator: number | null): Rate {
  const value =
    numerator === null || denominator === null || denominator === 0
      ? null
      : Math.round((numerator / denominator) * 1000) / 10;
  return { value, numerator, denominator };
}

const DENIED_KEYS = TABLE3_ROW_KEYS.filter((k): k is Extract<Table3RowKey, `denied.${string}`> =>
  k.startsWith('denied.'),
);

/** The rows of table 三 whose 总计 column the rates read (a store may load only these). */
export const RATE_TABLE3_ROWS = ['totalConcluded', 'granted', 'partial', ...DENIED_KEYS] as const;

export type RateTable3 = Pick<Table3, (typeof RATE_TABLE3_ROWS)[number]>;

const total = (row: readonly (number | null)[]) => row[TABLE3_TOTAL_COLUMN] ?? null;

/**
 * The rates evaluators compare across agencies and years: of the applications concluded, the
 * share granted in full, granted at least in part, refused; of the reconsiderations and lawsuits
 * concluded (总计 − 尚未审结), the share corrected (纠错率).
 */
export function disclosureRates(table3: RateTable3, table4: Table4) {
  const concluded = total(table3.totalConcluded);
  const granted = total(table3.granted);
  const partial = total(table3.partial);
  let denied: number | null = 0;
  for (const k of DENIED_KEYS) {
    const v = total(table3[k]);
    denied = denied === null || v === null ? null : denied + v;
  }
  const corrected = (g: readonly (number | null)[]) => {
    const decided = g[TABLE4_TOTAL_COLUMN] === null || g[3] === null ? null : g[TABLE4_TOTAL_COLUMN]! - g[3]!;
    return rate(g[1] ?? null, decided);
  };
  return {
    grantedShare: rate(granted, concluded),
    grantedAtLeastPartlyShare: rate(
      granted === null || partial === null ? null : granted + partial,
      concluded,
    ),
    deniedShare: rate(denied, concluded),
    reviewCorrectionRate: corrected(table4.review),
    litigationCorrectionRate: corrected(
      [0, 1, 2, 3, 4].map((i) => {
        const a = table4.litigationDirect[i] ?? null;
        const b = table4.litigationAfterReview[i] ?? null;
        return a === null || b === null ? null : a + b;
      }),
    ),
  };
}
