import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import {
  checkNormativeDocument,
  type NormativeDocumentInput,
} from '../../core/table2-sources/check-normative-document.ts';
import { agencyExists } from '../../store/agency-row.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import { isUniqueViolation } from '../../store/db-errors.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  findNormativeDocumentIdByNumber,
  insertNormativeDocument,
  type StoredNormativeDocument,
} from '../../store/table2-sources/normative-documents.repository.ts';

/**
 * Enters a 规章 or 行政规范性文件 the agency issued. Audited. Throws INVALID_INPUT / INVALID_DATE,
 * NOT_FOUND (agency), CONFLICT (the agency already registered that document number).
 */
export async function issueNormativeDocument(
  trx: StoreTrx,
  agencyId: string,
  input: NormativeDocumentInput,
  actor: Actor,
  now: Moment,
): Promise<StoredNormativeDocument> {
  const valid = checkNormativeDocument(input, now.today);
  if (!(await agencyExists(trx, agencyId))) throw new AppError('NOT_FOUND', '机关不存在');
  const refused = new AppError('CONFLICT', `文号“${valid.documentNumber}”已登记`);
  if ((await findNormativeDocumentIdByNumber(trx, agencyId, valid.documentNumber)) !== null) throw refused;
  let document: StoredNormativeDocument;
  try {
    document = await insertNormativeDocument(trx, agencyId, valid, now.at.toISOString());
  } catch (error) {
    if (isUniqueViolation(error)) throw refused;
    throw error;
  }
  await appendAudit(trx, {
    agencyId: agencyId,
    at: now.at,
    actor,
    entity: 'normative-document',
    entityId: document.id,
    action: 'issue',
    before: null,
    after: document,
  });
  return document;
}
