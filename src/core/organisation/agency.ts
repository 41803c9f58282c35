/** 'government' = the people's government of the region itself; 'department' = one of its departments. */
export const AGENCY_KINDS = ['department', 'government'] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface Agency {
  id: string;
  regionId: string;
  name: string;
  kind: AgencyKind;
}
