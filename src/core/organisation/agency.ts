/** 'government' = the people's government of the region itself; 'department' = one of its departments. */
export const AGENCY_KINDS = ['department', 'government'] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface Agency {
  id: string;
  regionId: string;
  name: string;
  kind: AgencyKind;
  /** The day the agency was closed (撤销, or merged into another in a 机构改革); null while it exists. */
  closedOn: string | null;
  /** The agency it was merged into (合并) when closed, its successor; null otherwise. */
  mergedInto: string | null;
}

/** A name an agency had until it was renamed (机构改革) on `renamedOn`: reports of those years print it. */
export interface AgencyFormerName {
  name: string;
  renamedOn: string;
}
