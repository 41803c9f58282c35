import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import { fetchAllRegions } from '../../api/regions.ts';
import type { Agency, AgencyList, ManagedUserList, Region } from '../../api/types.ts';
import type { SetupCounts } from './setup-progress.ts';

/**
 * Every region and every agency, for the admin pages (closed ones too, for the organisation tab's
 * “显示已撤销”; `regions` and `agencies` are those that exist), and the counts of what the first
 * run has set up.
 */
export function useOrganisation() {
  const [allRegions, setRegions] = useState<Region[]>([]);
  const [allAgencies, setAgencies] = useState<Agency[]>([]);
  const [counts, setCounts] = useState<SetupCounts | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all = await fetchAllRegions(true);
      const list = (await api.get<AgencyList>('/agencies?includeClosed=true')).items;
      const users = (await api.get<ManagedUserList>('/users')).items;
      if (!cancelled) {
        setRegions(all);
        setAgencies(list);
        setCounts({
          regions: all.filter((r) => r.closedOn === null).length,
          agencies: list.filter((a) => a.closedOn === null).length,
          users: users.length,
          staff: users.filter((u) => u.role !== 'admin' && !u.disabled).length,
        });
      }
    })().catch((e: unknown) => setFailure(messageOf(e)));
    return () => {
      cancelled = true;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const regions = useMemo(() => allRegions.filter((r) => r.closedOn === null), [allRegions]);
  const agencies = useMemo(() => allAgencies.filter((a) => a.closedOn === null), [allAgencies]);
  return { regions, agencies, allRegions, allAgencies, counts, failure, reload };
}

export const LEVEL_LABELS = { province: '省级', city: '市级', county: '县级' } as const;
export const KIND_LABELS = { department: '政府部门', government: '人民政府（办公室）' } as const;
