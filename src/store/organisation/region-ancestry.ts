import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.ts';

/**
 * Regions nest province → city → county; a chain longer than this means corrupted data (a cycle
 * of parent ids), and the walk stops there rather than loop.
 */
export const MAX_REGION_DEPTH = 8;

/**
 * The region's chain upwards: `regionId` itself, its parent, the parent's parent… at most
 * MAX_REGION_DEPTH ids, nearest first. One query (a recursive CTE, the same on SQLite and
 * PostgreSQL). An unknown region has no chain: [].
 */
export async function regionAncestry(db: Kysely<Database>, regionId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('chain(id, parent_id, depth)', (qb) =>
      qb
        .selectFrom('regions')
        .select(['id', 'parent_id', sql<number>`1`.as('depth')])
        .where('id', '=', regionId)
        .unionAll((q) =>
          q
            .selectFrom('regions')
            .innerJoin('chain', 'chain.parent_id', 'regions.id')
            .select(['regions.id', 'regions.parent_id', sql<number>`chain.depth + 1`.as('depth')])
            .where('chain.depth', '<', MAX_REGION_DEPTH),
        ),
    )
    .selectFrom('chain')
    .select(['chain.id', 'chain.depth'])
    .orderBy('chain.depth')
    .execute();
  return rows.map((row) => row.id);
}
