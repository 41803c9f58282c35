import { WORK_RECORD_KIND_LABELS } from '../../core/work-records/work-record-kinds.ts';
import type { StoredWorkRecord } from '../../store/work-records/work-records.repository.ts';

/** What leaves the server of a work record: all of it (no personal data is kept in one). */
export function presentWorkRecord(record: StoredWorkRecord) {
  return {
    id: record.id,
    agencyId: record.agencyId,
    kind: record.kind,
    kindLabel: WORK_RECORD_KIND_LABELS[record.kind],
    year: record.year,
    data: record.data as unknown as Record<string, unknown>,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
