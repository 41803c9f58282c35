import type { Agency } from '../../core/organisation/agency.ts';
import type { Region } from '../../core/organisation/region.ts';

/** Regions and agencies are public information (条例第二十条（二）: 机构设置); all fields leave. */
export function presentRegion(region: Region) {
  return {
    id: region.id,
    code: region.code,
    name: region.name,
    level: region.level,
    parentId: region.parentId,
  };
}

export function presentAgency(agency: Agency) {
  return { id: agency.id, regionId: agency.regionId, name: agency.name, kind: agency.kind };
}
