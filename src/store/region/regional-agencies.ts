import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Agency } from '../../core/organisation/agency.ts';
import type { Region } from '../../core/organisation/region.ts';
import { agencyNameKeys, type NamedAgency } from '../../core/region/agency-names.ts';
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
  const regions = await regionsById(db);
  return agencies.map((a) => {
    const own = regions.get(a.regionId)!;
    return {
      ...a,
      regionNames: regionNamesUp(regions, a.regionId),
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

type RegionRow = { id: string; code: string; name: string; parent_id: string | null };

async function regionsById(db: Kysely<Database>): Promise<Map<string, RegionRow>> {
  const rows = await db.selectFrom('regions').select(['id', 'code', 'name', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The names of a region and the regions above it, nearest first. */
function regionNamesUp(regions: ReadonlyMap<string, RegionRow>, regionId: string): string[] {
  const names: string[] = [];
  let current = regions.get(regionId);
  for (let depth = 0; current && depth < 8; depth += 1) {
    names.push(current.name);
    current = current.parent_id ? regions.get(current.parent_id) : undefined;
  }
  return names;
}

/**
 * Every agency's names (current and former, each also with its region prefixes, as a report
 * prints them: see agencyNameKeys), one group per agency, closed agencies included; a name shared
 * by several agencies is left out.
 */
export async function agencyNameGroups(db: Kysely<Database>): Promise<string[][]> {
  const agencies = await db.selectFrom('agencies').select(['id', 'name', 'region_id']).execute();
  const former = await formerNamesOf(
    db,
    agencies.map((a) => a.id),
  );
  const regions = await regionsById(db);
  const groups = agencies.map((a) =>
    agencyNameKeys({
      id: a.id,
      name: a.name,
      regionNames: regionNamesUp(regions, a.region_id),
      formerNames: (former.get(a.id) ?? []).map((f) => f.name),
    }),
  );
  // A name several agencies answer to (两个区县的“民政局”) designates none of them.
  const uses = new Map<string, number>();
  for (const key of groups.flat()) uses.set(key, (uses.get(key) ?? 0) + 1);
  return groups.map((g) => g.filter((key) => uses.get(key) === 1));
}
