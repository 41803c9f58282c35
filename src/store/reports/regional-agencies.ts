import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { NamedAgency } from '../../core/region/agency-names.ts';
import type { Database } from '../database.ts';
import { type Agency, listAgencies, type Region } from '../organisation/organisation.repository.ts';

export interface RegionalAgency extends Agency, NamedAgency {
  regionCode: string;
  regionName: string;
}

/** The region with this 行政区划代码; NOT_FOUND otherwise. */
export async function regionByCode(db: Kysely<Database>, code: string): Promise<Region> {
  const row = await db.selectFrom('regions').selectAll().where('code', '=', code.trim()).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `行政区划代码 ${code} 不存在`);
  return { id: row.id, code: row.code, name: row.name, level: row.level, parentId: row.parent_id };
}

/**
 * Every agency of a region and of the regions below it, each with the names of its region and
 * the regions above (for matching a report's agency name, which usually starts with them).
 */
export async function regionalAgencies(db: Kysely<Database>, regionId: string): Promise<RegionalAgency[]> {
  const agencies = await listAgencies(db, regionId);
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
    return { ...a, regionNames: names, regionCode: own.code, regionName: own.name };
  });
}
