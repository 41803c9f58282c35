import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Agency, AgencyKind } from '../../core/organisation/agency.ts';
import type { Region, RegionLevel } from '../../core/organisation/region.ts';
import type { AgenciesTable, Database, RegionsTable } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { subregionIds } from './subregion-ids.ts';

export interface CreateRegionInput {
  code: string;
  name: string;
  level: RegionLevel;
  parentId?: string | null;
}

export interface CreateAgencyInput {
  regionId: string;
  name: string;
  kind: AgencyKind;
}

const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };
const LEVEL_LABELS: Record<RegionLevel, string> = { province: '省级', city: '市级', county: '县级' };

/** A regions row as core's Region. */
export function rowToRegion(row: RegionsTable): Region {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    closedOn: row.closed_on,
  };
}

function rowToAgency(row: AgenciesTable): Agency {
  return {
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    kind: row.kind,
    closedOn: row.closed_on,
    mergedInto: row.merged_into,
  };
}

export async function getRegion(db: Kysely<Database>, id: string): Promise<Region | null> {
  const row = await db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToRegion(row) : null;
}

/**
 * Throws NOT_FOUND for an unknown parent, INVALID_INPUT when the parent is not of a higher level
 * (a county under a county), CONFLICT when the code is taken.
 */
export async function createRegion(db: Kysely<Database>, input: CreateRegionInput): Promise<Region> {
  const name = input.name.trim();
  const code = input.code.trim();
  if (name === '' || code === '') throw new AppError('INVALID_INPUT', '行政区划的名称和代码不能为空');
  const parentId = input.parentId ?? null;
  if (parentId !== null) {
    const parent = await getRegion(db, parentId);
    if (!parent) throw new AppError('NOT_FOUND', '上级行政区划不存在');
    if (parent.closedOn !== null) throw new AppError('INVALID_INPUT', `上级行政区划“${parent.name}”已撤销`);
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[input.level]) {
      throw new AppError(
        'INVALID_INPUT',
        `${LEVEL_LABELS[input.level]}行政区划不能隶属于${LEVEL_LABELS[parent.level]}行政区划“${parent.name}”`,
      );
    }
  }
  const region: Region = { id: randomUUID(), code, name, level: input.level, parentId, closedOn: null };
  try {
    await db
      .insertInto('regions')
      .values({ id: region.id, code, name, level: region.level, parent_id: parentId })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `行政区划代码 ${code} 已存在`);
    throw error;
  }
  return region;
}

/** Throws NOT_FOUND for an unknown region, CONFLICT when the region already has an agency of that name. */
export async function createAgency(db: Kysely<Database>, input: CreateAgencyInput): Promise<Agency> {
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', '机关名称不能为空');
  const region = await getRegion(db, input.regionId);
  if (!region) throw new AppError('NOT_FOUND', '行政区划不存在');
  if (region.closedOn !== null)
    throw new AppError('INVALID_INPUT', `行政区划“${region.name}”已撤销，不能再添加机关`);
  const agency: Agency = {
    id: randomUUID(),
    regionId: input.regionId,
    name,
    kind: input.kind,
    closedOn: null,
    mergedInto: null,
  };
  try {
    await db
      .insertInto('agencies')
      .values({ id: agency.id, region_id: agency.regionId, name, kind: agency.kind })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `该行政区划下已有名为“${name}”的机关`);
    throw error;
  }
  return agency;
}

export async function getAgency(db: Kysely<Database>, id: string): Promise<Agency | null> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToAgency(row) : null;
}

/**
 * Which agencies a list shows: those that exist (the default: closed ones leave the lists), those
 * that existed at the end of a year (a year's statistics keep an agency closed after it), or all.
 */
export type AgencyListing = 'open' | { existingAfter: IsoDate } | 'all';

/** The agencies of a region and of every region below it (what a 主管部门 supervises), by name. */
export async function listAgencies(
  db: Kysely<Database>,
  regionId: string,
  listing: AgencyListing = 'open',
): Promise<Agency[]> {
  let query = db
    .selectFrom('agencies')
    .selectAll('agencies')
    .where('agencies.region_id', 'in', subregionIds(db, regionId));
  if (listing === 'open') query = query.where('agencies.closed_on', 'is', null);
  else if (listing !== 'all') {
    const day = listing.existingAfter;
    query = query.where((eb) =>
      eb.or([eb('agencies.closed_on', 'is', null), eb('agencies.closed_on', '>', day)]),
    );
  }
  const rows = await query.orderBy('agencies.name').orderBy('agencies.id').execute();
  return rows.map(rowToAgency);
}

/** Every region that exists (closed ones leave the lists unless `includeClosed`) in one query, parents before children (level by level, each level by code). */
export async function listAllRegions(db: Kysely<Database>, includeClosed = false): Promise<Region[]> {
  let query = db.selectFrom('regions').selectAll();
  if (!includeClosed) query = query.where('closed_on', 'is', null);
  const rows = (await query.orderBy('code').execute()).map(rowToRegion);
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, Region[]>();
  for (const r of rows) {
    // A parent that does not exist would be corrupted data: list such a region at the top.
    const parent = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const ordered: Region[] = [];
  let level = children.get(null) ?? [];
  while (level.length > 0) {
    ordered.push(...level);
    level = level.flatMap((r) => children.get(r.id) ?? []);
  }
  return ordered;
}

/** The regions that exist directly below a region, or the top-level ones when regionId is null. */
export async function listRegions(db: Kysely<Database>, parentId: string | null): Promise<Region[]> {
  const rows = await db
    .selectFrom('regions')
    .selectAll()
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where('closed_on', 'is', null)
    .orderBy('code')
    .execute();
  return rows.map(rowToRegion);
}
