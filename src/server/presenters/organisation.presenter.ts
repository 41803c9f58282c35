import type { Agency, AgencyFormerName } from '../../core/organisation/agency.ts';
import type { Region } from '../../core/organisation/region.ts';

/** Regions and agencies are public information (条例第二十条（二）: 机构设置); all fields leave. */
export function presentRegion(region: Region) {
  return {
    id: region.id,
    code: region.code,
    name: region.name,
    level: region.level,
    parentId: region.parentId,
    closedOn: region.closedOn,
  };
}

/** `formerNames`: the agency's names before its renames, oldest first (none given: none). */
export function presentAgency(agency: Agency, formerNames: readonly AgencyFormerName[] = []) {
  return {
    id: agency.id,
    regionId: agency.regionId,
    name: agency.name,
    kind: agency.kind,
    closedOn: agency.closedOn,
    mergedInto: agency.mergedInto,
    formerNames: formerNames.map((f) => ({ name: f.name, renamedOn: f.renamedOn })),
  };
}
