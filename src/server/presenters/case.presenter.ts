import { CASE_KIND_LABELS, CASE_RESULT_LABELS } from '../../core/cases/case.ts';
import type { StoredCase } from '../../store/cases/cases.repository.ts';

export function presentCase(c: StoredCase) {
  return {
    ...c,
    kindLabel: CASE_KIND_LABELS[c.kind],
    resultLabel: c.result === null ? '尚未审结' : CASE_RESULT_LABELS[c.result],
  };
}
