import type { z } from 'zod';
import {
  PUBLICATION_STATUS_LABELS,
  PUBLICATION_STATUSES,
  type PublicationStatus,
} from '../../../core/region/report-deadline.ts';
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
export type { PublicationStatus };

const STATUS_COLORS: Record<PublicationStatus, string> = {
  published: 'green',
  late: 'orange',
  'date-unknown': 'gold',
  missing: 'red',
  'not-due': 'default',
};

/** Each publication status with the core's label (发布日期不详 is its own category, never 已按时发布). */
export const STATUS_TAGS = Object.fromEntries(
  PUBLICATION_STATUSES.map((s) => [s, { color: STATUS_COLORS[s], label: PUBLICATION_STATUS_LABELS[s] }]),
) as Record<PublicationStatus, { color: string; label: string }>;

export const percent = (r: Rate | undefined | null) =>
  r?.value === null || r?.value === undefined ? '—' : `${r.value}%`;
