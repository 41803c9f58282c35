import { api } from './client.ts';
import type { Region, RegionList } from './types.ts';

/**
 * Every region, parents before children, in one request (GET /api/regions?all=true). Public: the
 * portal's and the workspace's region choices use it.
 */
export async function fetchAllRegions(): Promise<Region[]> {
  return (await api.get<RegionList>('/regions?all=true', { allowUnauthenticated: true })).items;
}
