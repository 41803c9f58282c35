import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import type { Region } from '../../api/types.ts';

/** The regions a user may look at: a supervisor's own region and those below it; all for an admin. */
export function useVisibleRegions(regionId: string | null): { regions: Region[]; failure: string | null } {
  const [regions, setRegions] = useState<Region[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    (async () => {
      const all: Region[] = [];
      let level = (await api.get<{ items: Region[] }>('/regions')).items;
      while (level.length > 0) {
        all.push(...level);
        const children = await Promise.all(
          level.map((r) => api.get<{ items: Region[] }>(`/regions?parentId=${encodeURIComponent(r.id)}`)),
        );
        level = children.flatMap((c) => c.items);
      }
      if (!regionId) return all;
      const visible = new Set([regionId]);
      for (const r of all) if (r.parentId && visible.has(r.parentId)) visible.add(r.id);
      return all.filter((r) => visible.has(r.id));
    })()
      .then(setRegions)
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [regionId]);
  return { regions, failure };
}
