import { api } from './client.ts';
import type { Region } from './types.ts';

/**
 * Every region, parents before children, by walking GET /api/regions level by level (the API
 * lists one level at a time). Public: the portal's and the workspace's region choices use it.
 */
export async function fetchAllRegions(): Promise<Region[]> {
  const all: Region[] = [];
  let level = (await api.get<{ items: Region[] }>('/regions', { allowUnauthenticated: true })).items;
  while (level.length > 0) {
    all.push(...level);
    const children = await Promise.all(
      level.map((r) =>
        api.get<{ items: Region[] }>(`/regions?parentId=${encodeURIComponent(r.id)}`, {
          allowUnauthenticated: true,
        }),
      ),
    );
    level = children.flatMap((c) => c.items);
  }
  return all;
}
