/** 行政区划 levels, highest first. */
export const REGION_LEVELS = ['province', 'city', 'county'] as const;

export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface Region {
  id: string;
  /** 行政区划代码, e.g. "110105". */
  code: string;
  name: string;
  level: RegionLevel;
  /** null for a province (or any region at the top of what this system holds). */
  parentId: string | null;
  /** The day the region was abolished (撤销, e.g. merged in a 区划调整); null while it exists. */
  closedOn: string | null;
}
