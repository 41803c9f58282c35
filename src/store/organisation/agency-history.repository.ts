import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Agency, AgencyFormerName } from '../../core/organisation/agency.ts';
import type { Region } from '../../core/organisation/region.ts';
import type { MergedAgency } from '../../core/region/region-overview.ts';
import type { Database } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { getAgency, getRegion } from './organisation.repository.ts';

/** The former names of each agency, oldest first. */
export async function formerNamesOf(
  db: Kysely<Database>,
  agencyIds: readonly string[],
): Promise<Map<string, AgencyFormerName[]>> {
  const out = new Map<string, AgencyFormerName[]>();
  if (agencyIds.length === 0) return out;
  const rows = await db
    .selectFrom('agency_former_names')
    .selectAll()
    .where('agency_id', 'in', [...agencyIds])
    .orderBy('renamed_on')
    .orderBy('name')
    .execute();
  for (const r of rows) {
    out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), { name: r.name, renamedOn: r.renamed_on }]);
  }
  return out;
}

/**
 * Renames an agency from `renamedOn`, keeping its present name as a former name. Throws CONFLICT
 * when another agency of the region has the name (or the agency already had a rename that day).
 */
export async function saveAgencyRename(
  db: Kysely<Database>,
  agency: Agency,
  name: string,
  renamedOn: IsoDate,
): Promise<Agency> {
  try {
    await db
      .insertInto('agency_former_names')
      .values({ agency_id: agency.id, name: agency.name, renamed_on: renamedOn })
      .execute();
    await db.updateTable('agencies').set({ name }).where('id', '=', agency.id).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `该行政区划下已有名为“${name}”的机关`);
    throw error;
  }
  return (await getAgency(db, agency.id))!;
}

/** Closes (closedOn) or reopens (null) an agency; a merged agency names its successor. */
export async function saveAgencyClosure(
  db: Kysely<Database>,
  id: string,
  closedOn: IsoDate | null,
  mergedInto: string | null = null,
): Promise<Agency> {
  await db
    .updateTable('agencies')
    .set({ closed_on: closedOn, merged_into: mergedInto })
    .where('id', '=', id)
    .execute();
  return (await getAgency(db, id))!;
}

/**
 * The agencies merged into `agencyId`, and those merged into them, and so on (its predecessors by
 * merger), oldest closure first.
 */
export async function mergedPredecessors(db: Kysely<Database>, agencyId: string): Promise<Agency[]> {
  const out: Agency[] = [];
  let frontier = [agencyId];
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const rows = await db.selectFrom('agencies').select('id').where('merged_into', 'in', frontier).execute();
    frontier = rows.map((r) => r.id).filter((id) => !seen.has(id));
    for (const id of frontier) {
      seen.add(id);
      out.push((await getAgency(db, id))!);
    }
  }
  return out.sort(
    (a, b) => (a.closedOn ?? '').localeCompare(b.closedOn ?? '') || a.name.localeCompare(b.name),
  );
}

/**
 * The agencies merged into another during `year`, keyed by the agency that holds them at the end of
 * the year: a merger into an agency that was itself merged later in the year counts for the last one.
 * One query over the mergers of the year (a few, even province-wide).
 */
export async function mergedDuringYear(
  db: Kysely<Database>,
  year: number,
): Promise<Map<string, MergedAgency[]>> {
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'closed_on', 'merged_into'])
    .where('merged_into', 'is not', null)
    .where('closed_on', '>=', `${year}-01-01`)
    .where('closed_on', '<=', `${year}-12-31`)
    .orderBy('closed_on')
    .orderBy('name')
    .execute();
  const into = new Map(rows.map((r) => [r.id, r.merged_into!]));
  const out = new Map<string, MergedAgency[]>();
  for (const row of rows) {
    let holder = row.merged_into!;
    // Follow later mergers of the same year (bounded: a cycle cannot be stored, but never loop).
    for (let hops = 0; into.has(holder) && hops < rows.length; hops++) holder = into.get(holder)!;
    const list = out.get(holder) ?? [];
    list.push({ id: row.id, name: row.name, closedOn: row.closed_on as IsoDate });
    out.set(holder, list);
  }
  return out;
}

export async function saveRegionName(db: Kysely<Database>, id: string, name: string): Promise<Region> {
  await db.updateTable('regions').set({ name }).where('id', '=', id).execute();
  return (await getRegion(db, id))!;
}

/** Closes (closedOn) or reopens (null) a region. */
export async function saveRegionClosure(
  db: Kysely<Database>,
  id: string,
  closedOn: IsoDate | null,
): Promise<Region> {
  await db.updateTable('regions').set({ closed_on: closedOn }).where('id', '=', id).execute();
  return (await getRegion(db, id))!;
}

/** How many agencies still exist in the region itself (not below it), and how many regions directly below it. */
export async function openChildrenOfRegion(
  db: Kysely<Database>,
  regionId: string,
): Promise<{ agencies: number; regions: number }> {
  const agencies = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('region_id', '=', regionId)
    .where('closed_on', 'is', null)
    .executeTakeFirstOrThrow();
  const regions = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', regionId)
    .where('closed_on', 'is', null)
    .executeTakeFirstOrThrow();
  return { agencies: Number(agencies.n), regions: Number(regions.n) };
}

/** The agency's applications not concluded (an agency with open applications cannot be closed). */
export async function countOpenApplications(db: Kysely<Database>, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('status', '!=', 'concluded')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
