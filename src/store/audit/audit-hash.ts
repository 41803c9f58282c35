import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** prev_hash of the first entry of the legacy chain, and of every chain when there is no legacy one. */
export const GENESIS_HASH = '0'.repeat(64);

/** The closed chain of every entry written before the audit log had several chains (migration 020). */
export const LEGACY_CHAIN = 'legacy';

/** The chain of entries that belong to no agency: users, regions, the calendar, the system. */
export const SYSTEM_CHAIN = 'system';

/**
 * The chain an entry goes in: one per agency, so that writers of different agencies never wait
 * for each other (per agency rather than per agency and year: an entry's year would be ambiguous
 * — the year it was made or the year of the record — and the number of chains, which every anchor
 * lists, would grow every year).
 */
export function chainOf(agencyId: string | null): string {
  return agencyId === null ? SYSTEM_CHAIN : `agency:${agencyId}`;
}

/** What an entry's hash covers (besides the previous hash and, outside the legacy chain, the chain). */
export interface HashedFields {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * hash = SHA-256(prev_hash ‖ canonical JSON of the entry), hex. The chain is part of the hashed
 * entry (an entry cannot be moved to another chain), except in the legacy chain, whose entries
 * were hashed before chains existed.
 */
export function auditHash(prevHash: string, chain: string, fields: HashedFields): string {
  const hashed = chain === LEGACY_CHAIN ? fields : { chain, ...fields };
  return createHash('sha256')
    .update(prevHash + canonicalJson(hashed))
    .digest('hex');
}

/**
 * auditHash of an entry whose snapshots are given as their canonical JSON (as stored): the same
 * hash, without parsing the snapshots back and serialising them again. The text hashed is the
 * canonical JSON of the entry built by hand, keys in canonicalJson's order (none is an integer).
 */
export function auditHashOfStored(
  prevHash: string,
  chain: string,
  fields: Omit<HashedFields, 'before' | 'after'>,
  beforeJson: string | null,
  afterJson: string | null,
): string {
  const text =
    `{"action":${JSON.stringify(fields.action)},"actorLabel":${JSON.stringify(fields.actorLabel)}` +
    `,"actorUserId":${JSON.stringify(fields.actorUserId)},"after":${afterJson ?? 'null'}` +
    `,"at":${JSON.stringify(fields.at)},"before":${beforeJson ?? 'null'}` +
    (chain === LEGACY_CHAIN ? '' : `,"chain":${JSON.stringify(chain)}`) +
    `,"entity":${JSON.stringify(fields.entity)},"entityId":${JSON.stringify(fields.entityId)}` +
    `,"seq":${JSON.stringify(fields.seq)}}`;
  return createHash('sha256')
    .update(prevHash + text)
    .digest('hex');
}
