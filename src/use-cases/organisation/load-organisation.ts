import { AppError } from '../../core/errors.ts';
import type { Agency } from '../../core/organisation/agency.ts';
import type { Region } from '../../core/organisation/region.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { getAgency, getRegion } from '../../store/organisation/organisation.repository.ts';

/** The agency to change; NOT_FOUND, or INVALID_INPUT when it is closed (“已撤销的机关不能<what>”). */
export async function loadOpenAgency(trx: StoreTrx, id: string, what: string): Promise<Agency> {
  const agency = await getAgency(trx, id);
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  if (agency.closedOn !== null)
    throw new AppError('INVALID_INPUT', `“${agency.name}”已于${agency.closedOn}撤销，不能${what}`);
  return agency;
}

/** The region to change; NOT_FOUND, or INVALID_INPUT when it is closed. */
export async function loadOpenRegion(trx: StoreTrx, id: string, what: string): Promise<Region> {
  const region = await getRegion(trx, id);
  if (!region) throw new AppError('NOT_FOUND', '行政区划不存在');
  if (region.closedOn !== null)
    throw new AppError('INVALID_INPUT', `“${region.name}”已于${region.closedOn}撤销，不能${what}`);
  return region;
}
