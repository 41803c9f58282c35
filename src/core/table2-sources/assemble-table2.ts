import type { Table2 } from '../report/schema.ts';
import { type EnforcementFigures, wanYuanOf } from './enforcement-figures.ts';
import type { NormativeDocumentFacts, NormativeKind } from './normative-document.ts';

/**
 * Table 二 of a year (DOMAIN.md §A.2) from the register and the year's figures:
 * 本年制发 = issued in the year; 本年废止 = repealed in the year; 现行有效 = in force on 31 December
 * (issued on or before it, not repealed on or before it). The four other cells come from the
 * figures entered for the year; without an entry (or with a cell left empty) they are null, never 0.
 */
export function assembleTable2(
  documents: Iterable<NormativeDocumentFacts>,
  figures: EnforcementFigures | null,
  year: number,
): Table2 {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const stock = {
    regulation: { issued: 0, repealed: 0, inForce: 0 },
    normative: { issued: 0, repealed: 0, inForce: 0 },
  } satisfies Record<NormativeKind, { issued: number; repealed: number; inForce: number }>;
  for (const d of documents) {
    const s = stock[d.kind];
    if (d.issuedOn >= start && d.issuedOn <= end) s.issued += 1;
    if (d.repealedOn !== null && d.repealedOn >= start && d.repealedOn <= end) s.repealed += 1;
    if (d.issuedOn <= end && (d.repealedOn === null || d.repealedOn > end)) s.inForce += 1;
  }
  return {
    regulations: stock.regulation,
    normativeDocuments: stock.normative,
    licensing: figures?.licensing ?? null,
    punishment: figures?.punishment ?? null,
    coercion: figures?.coercion ?? null,
    feesWanYuan: figures?.feesWanYuanE4 == null ? null : wanYuanOf(figures.feesWanYuanE4),
  };
}
