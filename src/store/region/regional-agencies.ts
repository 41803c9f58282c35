import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Agency } from '../../core/organisation/agency.ts';
import type { Region } from '../../core/organisation/region.ts';
import type { NamedAgency } from '../../core/region/agency-names.ts';
import type { Database } from '../database.ts';
import { formerNamesOf } from '../organisation/agency-history.repository.ts';
import { type AgencyListing, listAgencies, rowToRegion } from '../organisation/organisation.repository.ts';

export interface RegionalAgency extends Agency, NamedAgency {
  regionCode: string;
  regionName: string;
}

/** The region with this 行政区划代码; NOT_FOUND otherwise. */
export async function regionByCode(db: Kysely<Database>, code: string): Promise<Region> {
  const row = await db.selectFrom('regions').selectAll().where('code', '=', code.trim()).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `行政区划代码 ${code} 不存在`);
  return rowToRegion(row);
}

/**
 * Every agency of a region and of the regions below it (as `listing` says: a year's view keeps
 * those closed after it, an import also matches closed ones), each with the names of its region
 * and the regions above and its former names (for matching a report's agency name).
 */
export async function regionalAgencies(
  db: Kysely<Database>,
  regionId: string,
  listing: AgencyListing,
): Promise<RegionalAgency[]> {
  const agencies = await listAgencies(db, regionId, listing);
  const former = await formerNamesOf(
    db,
    agencies.map((a) => a.id),
  );
  const regions = new Map(
    (await db.selectFrom('regions').select(['id', 'code', 'name', 'parent_id']).execute()).map((r) => [
      r.id,
      r,
    ]),
  );
  return agencies.map((a) => {
    const names: string[] = [];
    let current = regions.get(a.regionId);
    for (let depth = 0; current && depth < 8; depth += 1) {
      names.push(current.name);
      current = current.parent_id ? regions.get(current.parent_id) : undefined;
    }
    const own = regions.get(a.regionId)!;
    return {
      ...a,
      regionNames: names,
      formerNames: (former.get(a.id) ?? []).map((f) => f.name),
      regionCode: own.code,
      regionName: own.name,
    };
  });
}

/** Names of a region, of every region below it and of the regions above it. */
export async function regionNamesAround(db: Kysely<Database>, regionId: string): Promise<string[]> {
  const all = await db.selectFrom('regions').select(['id', 'name', 'parent_id']).execute();
  const byId = new Map(all.map((r) => [r.id, r]));
  const names = new Set<string>();
  let up = byId.get(regionId);
  for (let depth = 0; up && depth < 8; depth += 1) {
    names.add(up.name);
    up = up.parent_id ? byId.get(up.parent_id) : undefined;
  }
  const below = [regionId];
  while (below.length > 0) {
    const id = below.pop()!;
    for (const r of all) {
      if (r.parent_id === id) {
        names.add(r.name);
        below.push(r.id);
      }
    }
  }
  return [...names];
}
