import { Select } from 'antd';
import type { Region } from '../api/types.ts';

/** A choice of one region by its code, labelled by the region's name. */
export function RegionSelect(props: {
  label: string;
  regions: Region[];
  value: string | null;
  onChange: (code: string) => void;
}) {
  return (
    <Select
      aria-label={props.label}
      style={{ minWidth: 200 }}
      value={props.value}
      onChange={props.onChange}
      options={props.regions.map((r) => ({ value: r.code, label: r.name }))}
    />
  );
}
