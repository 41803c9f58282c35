import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import { fetchAllRegions } from '../../api/regions.ts';
import type { Agency, AgencyList, Region } from '../../api/types.ts';

/** Every region (walking the tree level by level) and every agency, for the admin pages. */
export function useOrganisation() {
  const [regions, setRegions] = useState<Region[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all = await fetchAllRegions();
      const list = (await api.get<AgencyList>('/agencies')).items;
      if (!cancelled) {
        setRegions(all);
        setAgencies(list);
      }
    })().catch((e: unknown) => setFailure(messageOf(e)));
    return () => {
      cancelled = true;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { regions, agencies, failure, reload };
}

export const LEVEL_LABELS = { province: '省级', city: '市级', county: '县级' } as const;
export const KIND_LABELS = { department: '政府部门', government: '人民政府（办公室）' } as const;
