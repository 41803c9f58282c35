import { api } from './client.ts';
import type { Region, RegionList } from './types.ts';

/**
 * Every region (closed ones too if asked), parents before children, in one request (GET /api/regions?all=true). Public: the
 * portal's and the workspace's region choices use it.
 */
export async function fetchAllRegions(includeClosed = false): Promise<Region[]> {
  const path = includeClosed ? '/regions?all=true&includeClosed=true' : '/regions?all=true';
  return (await api.get<RegionList>(path, { allowUnauthenticated: true })).items;
}
