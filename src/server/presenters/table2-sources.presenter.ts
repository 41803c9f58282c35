import { formatWanYuan } from '../../core/table2-sources/enforcement-figures.ts';
import { NORMATIVE_KIND_LABELS } from '../../core/table2-sources/normative-document.ts';
import type { StoredEnforcementFigures } from '../../store/table2-sources/enforcement-statistics.repository.ts';
import type { StoredNormativeDocument } from '../../store/table2-sources/normative-documents.repository.ts';

export function presentNormativeDocument(doc: StoredNormativeDocument) {
  return { ...doc, kindLabel: NORMATIVE_KIND_LABELS[doc.kind] };
}

/** The figures with the fee as an exact decimal string in 万元 (never a float). */
export function presentFigures(agencyId: string, year: number, figures: StoredEnforcementFigures | null) {
  return {
    agencyId,
    year,
    entered: figures !== null,
    licensing: figures?.licensing ?? null,
    punishment: figures?.punishment ?? null,
    coercion: figures?.coercion ?? null,
    feesWanYuan: figures?.feesWanYuanE4 == null ? null : formatWanYuan(figures.feesWanYuanE4),
    version: figures?.version ?? null,
    updatedAt: figures?.updatedAt ?? null,
  };
}
