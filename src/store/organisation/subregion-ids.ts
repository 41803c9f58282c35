import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

/** Ids of a region and every region below it, as a subquery. */
export function subregionIds(db: Kysely<Database>, regionId: string) {
  return db
    .withRecursive('subregions(id)', (qb) =>
      qb
        .selectFrom('regions')
        .select('id')
        .where('id', '=', regionId)
        .unionAll((q) =>
          q
            .selectFrom('regions')
            .innerJoin('subregions', 'subregions.id', 'regions.parent_id')
            .select('regions.id'),
        ),
    )
    .selectFrom('subregions')
    .select('subregions.id');
}
