import type { Moment } from '../../core/moment.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';

/** The region or agency a change is audited against. */
export interface OrganisationTarget {
  entity: 'region' | 'agency';
  entityId: string;
}

/**
 * Organisation administration is audited in the system chain (agencyId null), with the agency's
 * creation, so that a region's or an agency's history reads in order.
 */
async function auditChange(
  trx: StoreTrx,
  target: OrganisationTarget,
  change: { action: 'rename' | 'close' | 'reopen'; before: unknown; after: unknown },
  actor: Actor,
  now: Moment,
): Promise<void> {
  await appendAudit(trx, { at: now.at, actor, agencyId: null, ...target, ...change });
}

/**
 * Audits the closure (撤销) of a region or an agency from `closedOn`, and for an agency merged
 * into another (合并) its successor.
 */
export function auditClosure(
  trx: StoreTrx,
  target: OrganisationTarget,
  closedOn: string,
  actor: Actor,
  now: Moment,
  mergedInto: string | null = null,
) {
  const after = mergedInto === null ? { closedOn } : { closedOn, mergedInto };
  return auditChange(trx, target, { action: 'close', before: { closedOn: null }, after }, actor, now);
}

/** Audits the reopening (恢复) of a region or an agency: what its closure was, and that it is undone. */
export function auditReopening(
  trx: StoreTrx,
  target: OrganisationTarget,
  closure: { before: Record<string, unknown>; after: Record<string, unknown> },
  actor: Actor,
  now: Moment,
) {
  return auditChange(trx, target, { action: 'reopen', ...closure }, actor, now);
}

/** Audits the renaming of a region or an agency: its name before, its name (and date) after. */
export function auditRename(
  trx: StoreTrx,
  target: OrganisationTarget,
  names: { before: { name: string }; after: { name: string; renamedOn?: string } },
  actor: Actor,
  now: Moment,
) {
  return auditChange(trx, target, { action: 'rename', ...names }, actor, now);
}
