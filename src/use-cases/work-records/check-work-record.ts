import { AppError } from '../../core/errors.ts';
import type { WorkRecordInput } from '../../core/work-records/work-record-kinds.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { findDisclosureAgencyId } from '../../store/disclosures/disclosures.repository.ts';
import { findNormativeDocumentIssue } from '../../store/table2-sources/normative-documents.repository.ts';
import {
  getWorkRecord,
  listWorkRecordsOfYear,
  type StoredWorkRecord,
  WORK_RECORD_CONFLICT_MESSAGE,
} from '../../store/work-records/work-records.repository.ts';

/**
 * An interpretation's document must be in the agency's registers: NOT_FOUND when it does not
 * exist, INVALID_INPUT when it is another agency's.
 */
export async function checkReferences(
  trx: StoreTrx,
  agencyId: string,
  record: WorkRecordInput,
): Promise<void> {
  if (record.kind !== 'interpretation') return;
  const { normativeDocumentId, disclosureId } = record.data;
  if (normativeDocumentId !== null) {
    const doc = await findNormativeDocumentIssue(trx, normativeDocumentId);
    if (!doc) throw new AppError('NOT_FOUND', '所解读的规范性文件不存在（data.normativeDocumentId）');
    if (doc.agencyId !== agencyId) {
      throw new AppError('INVALID_INPUT', '所解读的规范性文件不是本机关制发的（data.normativeDocumentId）');
    }
    if (record.data.publishedOn < doc.issuedOn) {
      throw new AppError(
        'INVALID_INPUT',
        `解读发布日期 ${record.data.publishedOn} 早于所解读文件的制发日期 ${doc.issuedOn}（data.publishedOn）`,
      );
    }
  }
  if (disclosureId !== null) {
    const owner = await findDisclosureAgencyId(trx, disclosureId);
    if (owner === null) throw new AppError('NOT_FOUND', '所解读的主动公开信息不存在（data.disclosureId）');
    if (owner !== agencyId) {
      throw new AppError('INVALID_INPUT', '所解读的主动公开信息不属于本机关（data.disclosureId）');
    }
  }
}

export const figuresTaken = (year: number | null) =>
  new AppError('CONFLICT', `${year}年的年度工作数据已录入，请修改已有的记录`);

/** One record of figures per agency-year, one task per position of the year's plan. */
export async function checkUnique(
  trx: StoreTrx,
  agencyId: string,
  record: WorkRecordInput,
  exceptId: string | null,
): Promise<void> {
  if (record.kind !== 'figures' && record.kind !== 'task') return;
  const others = await listWorkRecordsOfYear(trx, agencyId, record.kind, record.year, exceptId);
  if (record.kind === 'figures' && others.length > 0) throw figuresTaken(record.year);
  if (record.kind === 'task') {
    const position = record.data.position;
    if (others.some((o) => o.kind === 'task' && o.data.position === position)) {
      throw new AppError('CONFLICT', `${record.year}年工作要点第${position}项任务已录入，请修改已有的记录`);
    }
  }
}

/** The agency's record at `expectedVersion`. Throws NOT_FOUND, CONFLICT (stale version). */
export async function currentRecord(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  expectedVersion: number,
): Promise<StoredWorkRecord> {
  const before = await getWorkRecord(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '工作记录不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', WORK_RECORD_CONFLICT_MESSAGE);
  return before;
}
