import type { Moment } from '../../core/moment.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { StoredWorkRecord } from '../../store/work-records/work-records.repository.ts';

/** What a change to a work record is audited as: `create:<kind>`, `update:<kind>` or `delete:<kind>`. */
export interface WorkRecordChange {
  id: string;
  action: `${'create' | 'update' | 'delete'}:${string}`;
  before: StoredWorkRecord | null;
  after: StoredWorkRecord | null;
}

/** Audits a change to a work record in its agency's chain, with the record before and after. */
export async function auditWorkRecord(
  trx: StoreTrx,
  agencyId: string,
  { id, action, before, after }: WorkRecordChange,
  actor: Actor,
  now: Moment,
): Promise<void> {
  await appendAudit(trx, {
    agencyId,
    at: now.at,
    actor,
    entity: 'work-record',
    entityId: id,
    action,
    before,
    after,
  });
}
