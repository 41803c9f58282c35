import { Alert, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, messageOf } from '../api/client.ts';
import type { Agency, AgencyList } from '../api/types.ts';
import { useSession } from '../layout/session.tsx';

/**
 * The agency whose records a page shows: the user's own (officers, reviewers), or one chosen
 * among the region's agencies (supervisors, admins, who only read). `onChange` runs after the
 * user picks another agency; `width` is the picker's minimum width.
 */
export function useAgencyChoice(options: { onChange?: () => void; width?: number } = {}): {
  agencyId: string | null;
  picker: React.ReactNode;
  failure: string | null;
  canHandle: boolean;
} {
  const session = useSession();
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [agencyId, setAgencyId] = useState<string | null>(session.user.agencyId);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (session.user.agencyId) return;
    const query = session.user.regionId ? `?regionId=${encodeURIComponent(session.user.regionId)}` : '';
    api
      .get<AgencyList>(`/agencies${query}`)
      .then((r) => {
        setAgencies(r.items);
        setAgencyId((current) => current ?? r.items[0]?.id ?? null);
      })
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [session.user.agencyId, session.user.regionId]);

  const picker = session.user.agencyId ? null : agencies?.length === 0 ? (
    <Alert
      type="info"
      showIcon
      title={
        session.user.role === 'admin'
          ? '尚无机关：请先在“系统管理 → 行政区划与机关”中新建行政区划和机关，这里才有记录可看。'
          : '您管辖的行政区划内尚无机关：请系统管理员在“系统管理 → 行政区划与机关”中添加。'
      }
    />
  ) : (
    <Select
      aria-label="机关"
      style={{ minWidth: options.width ?? 260 }}
      value={agencyId}
      onChange={(v) => {
        setAgencyId(v);
        options.onChange?.();
      }}
      options={(agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
      showSearch
      optionFilterProp="label"
    />
  );
  const canHandle = session.user.role === 'officer' || session.user.role === 'reviewer';
  return { agencyId, picker, failure, canHandle };
}
