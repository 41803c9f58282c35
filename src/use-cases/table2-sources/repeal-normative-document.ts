import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { checkRepeal } from '../../core/table2-sources/check-normative-document.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  DOCUMENT_CONFLICT_MESSAGE,
  getNormativeDocument,
  type StoredNormativeDocument,
  updateNormativeDocumentRepeal,
} from '../../store/table2-sources/normative-documents.repository.ts';
import { nextVersion } from '../next-version.ts';

/**
 * Records the repeal (废止) of a document on `repealedOn`. Audited. Throws NOT_FOUND, CONFLICT
 * (stale version, already repealed), INVALID_INPUT / INVALID_DATE (before issue, after today).
 */
export async function repealNormativeDocument(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  repealedOn: IsoDate,
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<StoredNormativeDocument> {
  const before = await getNormativeDocument(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '文件不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', DOCUMENT_CONFLICT_MESSAGE);
  const day = checkRepeal(before, repealedOn, now.today);
  const at = now.at.toISOString();
  const saved = await updateNormativeDocumentRepeal(trx, agencyId, id, expectedVersion, day, at);
  if (!saved) throw new AppError('CONFLICT', DOCUMENT_CONFLICT_MESSAGE);
  const after = nextVersion(before, { repealedOn: day }, expectedVersion, at);
  await appendAudit(trx, {
    agencyId: agencyId,
    at: now.at,
    actor,
    entity: 'normative-document',
    entityId: id,
    action: 'repeal',
    before,
    after,
  });
  return after;
}
