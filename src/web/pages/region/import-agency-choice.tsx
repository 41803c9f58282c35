import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Agency, AgencyList } from '../../api/types.ts';

/** The label of an agency in the import's choice: its former names and closure shown, so a renamed one is recognised. */
export function agencyChoiceLabel(agency: Agency): string {
  const former = agency.formerNames.map((f) => f.name);
  return [
    agency.name,
    former.length > 0 ? `（曾用名：${former.join('、')}）` : '',
    agency.closedOn ? `（${agency.closedOn} 撤销）` : '',
  ].join('');
}

/** Every agency of the region and below, closed ones included (an old report may be of one), for the import's mapping. */
export function useRegionAgencies(regionId: string | null): Agency[] {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    if (!regionId) return;
    let cancelled = false;
    const query = new URLSearchParams({ regionId, includeClosed: 'true' });
    api
      .get<AgencyList>(`/agencies?${query}`)
      .then((r) => {
        if (!cancelled) setAgencies(r.items);
      })
      // Without the list the preview still works; only the choice of agencies stays empty.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [regionId]);
  return agencies;
}

/** The choice of the agency a report printing `printedName` belongs to (a name mapping of the import). */
export function ImportAgencyChoice(props: {
  printedName: string;
  agencies: Agency[];
  value: string | undefined;
  onChange: (agencyId: string | undefined) => void;
}) {
  return (
    <Select
      aria-label={`“${props.printedName}”对应的机关`}
      placeholder="选择对应的机关"
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 240, maxWidth: 420 }}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange(v)}
      options={props.agencies.map((a) => ({ value: a.id, label: agencyChoiceLabel(a) }))}
    />
  );
}
