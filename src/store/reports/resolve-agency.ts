import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import type { Database } from '../database.ts';

/**
 * The agency by id, or by exact name when exactly one agency has it. Throws NOT_FOUND, or
 * INVALID_INPUT naming the regions when the name is ambiguous.
 */
export async function resolveAgency(
  db: Kysely<Database>,
  idOrName: string,
): Promise<{ id: string; name: string; kind: AgencyKind }> {
  const key = idOrName.trim();
  const byId = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'kind'])
    .where('id', '=', key)
    .executeTakeFirst();
  if (byId) return byId;
  const byName = await db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'agencies.kind', 'regions.name as region'])
    .where('agencies.name', '=', key)
    .execute();
  if (byName.length === 0) throw new AppError('NOT_FOUND', `机关“${key}”不存在`);
  if (byName.length > 1) {
    throw new AppError(
      'INVALID_INPUT',
      `有 ${byName.length} 个机关名为“${key}”，请用机关编号指定：${byName.map((a) => `${a.id}（${a.region}）`).join('、')}`,
    );
  }
  const { id, name, kind } = byName[0]!;
  return { id, name, kind };
}
