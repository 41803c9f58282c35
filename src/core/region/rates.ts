import { TABLE3_TOTAL_COLUMN, TABLE4_TOTAL_COLUMN } from '../report/labels.ts';
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

const total = (row: readonly (number | null)[]) => row[TABLE3_TOTAL_COLUMN] ?? null;

/**
 * The rates evaluators compare across agencies and years: of the applications concluded, the
 * share granted in full, granted at least in part, refused; of the reconsiderations and lawsuits
 * concluded (总计 − 尚未审结), the share corrected (纠错率).
 */
export function disclosureRates(table3: Table3, table4: Table4) {
  const concluded = total(table3.totalConcluded);
  const granted = total(table3.granted);
  const partial = total(table3.partial);
  const deniedKeys = Object.keys(table3).filter((k) => k.startsWith('denied.')) as Array<keyof Table3>;
  const denied = deniedKeys.reduce<number | null>(
    (s, k) => (s === null || total(table3[k]) === null ? null : s + total(table3[k])!),
    0,
  );
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
      table4.litigationDirect.map((v, i) =>
        v === null || table4.litigationAfterReview[i] == null ? null : v + table4.litigationAfterReview[i]!,
      ),
    ),
  };
}
