import type { Kysely } from 'kysely';
import {
  MIXED_OUTCOME_RULES,
  type MixedOutcomeRule,
  mixedOutcomeRuleOf,
} from '../../core/applications/mixed-outcome.ts';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../database.ts';
import { regionAncestry } from './region-ancestry.ts';

/** One region of a chain with its own choice (null: inherits). */
export interface RegionRuleLink {
  regionId: string;
  code: string;
  name: string;
  rule: MixedOutcomeRule | null;
}

function asRule(value: string | null): MixedOutcomeRule | null {
  return (MIXED_OUTCOME_RULES as readonly string[]).includes(value ?? '')
    ? (value as MixedOutcomeRule)
    : null;
}

/** The region and the regions above it with their own choices, nearest first ([] for an unknown region). */
export async function mixedOutcomeRuleChain(
  db: Kysely<Database>,
  regionId: string,
): Promise<RegionRuleLink[]> {
  const chain = await regionAncestry(db, regionId);
  if (chain.length === 0) return [];
  const rows = await db
    .selectFrom('regions')
    .select(['id', 'code', 'name', 'mixed_outcome_rule'])
    .where('id', 'in', chain)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return chain.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [{ regionId: id, code: row.code, name: row.name, rule: asRule(row.mixed_outcome_rule) }]
      : [];
  });
}

/** The rule in force for an agency's applications: its region's, else the nearest region above's, else the default. */
export async function mixedOutcomeRuleOfAgency(
  db: Kysely<Database>,
  agencyId: string,
): Promise<MixedOutcomeRule> {
  const agency = await db
    .selectFrom('agencies')
    .select('region_id')
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) return mixedOutcomeRuleOf([]);
  const chain = await mixedOutcomeRuleChain(db, agency.region_id);
  return mixedOutcomeRuleOf(chain.map((link) => link.rule));
}

/** Sets (or, with null, clears to inherit) a region's own choice. Throws NOT_FOUND for an unknown region. */
export async function setMixedOutcomeRule(
  db: Kysely<Database>,
  regionId: string,
  rule: MixedOutcomeRule | null,
): Promise<void> {
  const result = await db
    .updateTable('regions')
    .set({ mixed_outcome_rule: rule })
    .where('id', '=', regionId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', '行政区划不存在');
}
