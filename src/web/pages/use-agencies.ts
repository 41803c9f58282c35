import { useEffect, useState } from 'react';
import { api, messageOf } from '../api/client.ts';
import type { Agency, AgencyList } from '../api/types.ts';

/** Every agency, for the portal's selectors (GET /api/agencies needs no login). */
export function useAgencies(): { agencies: Agency[]; loading: boolean; error: string | null } {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<AgencyList>('/agencies', { allowUnauthenticated: true })
      .then((r) => setAgencies(r.items))
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setLoading(false));
  }, []);
  return { agencies, loading, error };
}

export const agencyOptions = (agencies: Agency[]) => agencies.map((a) => ({ value: a.id, label: a.name }));
