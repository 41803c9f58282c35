import { Typography } from 'antd';
import type { RegionOverview } from './overview-types.ts';

type Merged = RegionOverview['agencies'][number]['agency']['merged'];

/**
 * Under an agency of the overview, the agencies merged into it during the year: they have no row of
 * their own (their report for the year is this agency's), and the supervisor sees where they went.
 */
export function MergedNote({ merged }: { merged: Merged }) {
  if (merged.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
      含并入：{merged.map((m) => `${m.name}（${m.closedOn} 并入）`).join('、')}
    </Typography.Text>
  );
}
