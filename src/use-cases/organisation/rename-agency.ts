import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { formerNamesOf, saveAgencyRename } from '../../store/organisation/agency-history.repository.ts';
import { auditRename } from './audit-organisation-change.ts';
import { loadOpenAgency } from './load-organisation.ts';

export interface RenameAgencyInput {
  name: string;
  renamedOn: string;
}

/**
 * Renames an agency (机构改革) from `renamedOn`: the present name is kept as a former name with that
 * day, so that reports published under it still map to the agency. Audited. Throws NOT_FOUND,
 * INVALID_INPUT (closed agency, same name, a day in the future or before its last rename), CONFLICT
 * (another agency of the region has the name).
 */
export async function renameAgency(
  trx: StoreTrx,
  agencyId: string,
  input: RenameAgencyInput,
  actor: Actor,
  now: Moment,
) {
  const before = await loadOpenAgency(trx, agencyId, '改名');
  const name = input.name.trim();
  if (name === before.name) throw new AppError('INVALID_INPUT', '新名称与现名称相同', { field: 'name' });
  if (input.renamedOn > now.today)
    throw new AppError('INVALID_INPUT', '改名日期不能晚于今天', { field: 'renamedOn' });
  const history = (await formerNamesOf(trx, [agencyId])).get(agencyId) ?? [];
  const last = history.at(-1);
  if (last && input.renamedOn <= last.renamedOn)
    throw new AppError('INVALID_INPUT', `改名日期应晚于上次改名（${last.renamedOn}）`, {
      field: 'renamedOn',
    });
  const after = await saveAgencyRename(trx, before, name, input.renamedOn);
  await auditRename(
    trx,
    { entity: 'agency', entityId: agencyId },
    { before: { name: before.name }, after: { name: after.name, renamedOn: input.renamedOn } },
    actor,
    now,
  );
  return after;
}
