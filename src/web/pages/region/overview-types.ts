import type { z } from 'zod';
import type {
  historyResponse,
  ratesSchema,
  regionOverviewResponse,
} from '../../../server/routes/region/region.schema.ts';

/** The answers of GET /api/regions/{code}/years/{year} and …/history, as the route schemas declare them. */
export type RegionOverview = z.output<typeof regionOverviewResponse>;
export type RegionHistory = z.output<typeof historyResponse>;
export type Rates = z.output<typeof ratesSchema>;
export type Rate = Rates['grantedShare'];
export type PublicationStatus = RegionOverview['agencies'][number]['status'];

export const STATUS_TAGS: Record<PublicationStatus, { color: string; label: string }> = {
  published: { color: 'green', label: '已按时发布' },
  late: { color: 'orange', label: '逾期发布' },
  missing: { color: 'red', label: '逾期未发布' },
  'not-due': { color: 'default', label: '未到期限' },
};

export const percent = (r: Rate | undefined | null) =>
  r?.value === null || r?.value === undefined ? '—' : `${r.value}%`;
