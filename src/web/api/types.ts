/**
 * Shapes of the API's answers that the pages read: the route schemas' output types (see
 * /api/openapi.json), imported type-only so the build erases them.
 */

import type { z } from 'zod';
import type {
  applicationDetailResponse,
  applicationListResponse,
  applicationSummarySchema,
  deadlineSummaryResponse,
  deadlinesSchema,
  timelinessResponse,
} from '../../server/routes/applications/applications.schema.ts';
import type { sessionResponse } from '../../server/routes/auth/auth.schema.ts';
import type { findingSchema, userSchema } from '../../server/routes/common.schema.ts';
import type {
  agencyListResponse,
  agencySchema,
  regionListResponse,
  regionSchema,
} from '../../server/routes/organisation/organisation.schema.ts';
import type { publicApplyResponse, trackResponse } from '../../server/routes/public/public.schema.ts';
import type {
  reportListResponse,
  reportResponse,
  reportSummarySchema,
} from '../../server/routes/reports/reports.schema.ts';
import type {
  managedUserSchema,
  passwordResetResponse,
  userListResponse,
} from '../../server/routes/users/users.schema.ts';

export type User = z.output<typeof userSchema>;
export type Session = z.output<typeof sessionResponse>;
export type ManagedUser = z.output<typeof managedUserSchema>;
export type ManagedUserList = z.output<typeof userListResponse>;
export type PasswordReset = z.output<typeof passwordResetResponse>;
export type Agency = z.output<typeof agencySchema>;
export type AgencyList = z.output<typeof agencyListResponse>;
export type Region = z.output<typeof regionSchema>;
export type RegionList = z.output<typeof regionListResponse>;
export type Tracking = z.output<typeof trackResponse>;
export type PublicApplied = z.output<typeof publicApplyResponse>;
export type ApplicationSummary = z.output<typeof applicationSummarySchema>;
export type ApplicationList = z.output<typeof applicationListResponse>;
export type ApplicationDetail = z.output<typeof applicationDetailResponse>;
export type DeadlineStep = NonNullable<z.output<typeof deadlinesSchema>>['steps'][number];
/** Open, overdue and due-this-week counts of an agency's applications. */
export type DeadlineSummary = z.output<typeof deadlineSummaryResponse>;
export type AnswerTimelinessYear = z.output<typeof timelinessResponse>;
export type Finding = z.output<typeof findingSchema>;
export type ReportSummary = z.output<typeof reportSummarySchema>;
export type ReportList = z.output<typeof reportListResponse>;
/** An annual report version with its live findings (each with a readable `where`), actions and audit trail. */
export type ReportView = z.output<typeof reportResponse>;
