import { useEffect, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { fetchAllRegions } from '../../api/regions.ts';
import type { Region } from '../../api/types.ts';

/** The regions a user may look at: a supervisor's own region and those below it; all for an admin. */
export function useVisibleRegions(regionId: string | null): { regions: Region[]; failure: string | null } {
  const [regions, setRegions] = useState<Region[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    (async () => {
      const all = await fetchAllRegions();
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
