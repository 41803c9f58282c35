/** Shapes of the API's answers that the pages read (see /api/openapi.json). */

import type { AgencyKind } from '../../core/organisation/agency.ts';
import type { RegionLevel } from '../../core/organisation/region.ts';
import type { Role } from '../../core/organisation/role.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  regionId: string | null;
}

export interface Session {
  user: User;
  via: 'session' | 'token';
  csrfToken: string | null;
  expiresAt: string | null;
  /** The generated first password (or one an administrator set) must be changed before anything else. */
  mustChangePassword?: boolean;
}

export interface Agency {
  id: string;
  name: string;
  regionId: string;
  kind: AgencyKind;
}

export interface Tracking {
  trackingNumber: string;
  receivedOn: string;
  status: string;
  statusLabel: string;
  answerDueOn: string | null;
  overdue: boolean;
  concludedOn: string | null;
  outcomeLabel: string | null;
  steps: { date: string; label: string }[];
}

export interface PublicApplied {
  agencyName: string;
  trackingNumber: string;
  followUpCode: string;
  receivedOn: string;
  answerDueOn: string | null;
}

export interface ApplicationSummary {
  id: string;
  trackingNumber: string;
  channel: string;
  receivedOn: string;
  applicantType: string;
  applicantNameMasked: string;
  description: string;
  status: string;
  statusLabel: string;
  outcome: string | null;
  concludedOn: string | null;
  answerDueOn: string | null;
  overdue: boolean;
  dueThisWeek: boolean;
  version: number;
}

export interface DeadlineStep {
  label: string;
  date: string;
  explanation: string;
  article: string;
}

export interface CaseView {
  application: ApplicationSummary & {
    channelLabel: string;
    applicantTypeLabel: string;
    outcomeLabel: string | null;
    submittedOn: string;
    confirmedOn: string | null;
    events: { type: string; [key: string]: unknown }[];
  };
  deadlines: {
    answerDue: string | null;
    status: 'running' | 'overdue' | 'suspended' | 'awaiting-correction';
    workingDaysAllowed: number | null;
    workingDaysUsed: number | null;
    steps: DeadlineStep[];
    warnings: string[];
  } | null;
  deadlinesNote: string | null;
  auditTrail: {
    seq: number;
    at: string;
    actor: string;
    action: string;
    actionLabel: string;
    statusBefore: string | null;
    statusAfter: string | null;
  }[];
}

export interface ApplicationList {
  items: ApplicationSummary[];
  total: number;
  limit: number;
  offset: number;
  today: string;
}

export interface Region {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
}

export interface ManagedUser extends User {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  assessable: boolean;
  message: string;
  where: string;
  location: {
    table?: 'table2' | 'table3' | 'table4';
    section?: string;
    rowKey?: string;
    rowLabel?: string;
    columns?: string[];
  };
}

export interface ReportSummary {
  id: string;
  agencyId: string;
  agencyName: string;
  year: number;
  version: number;
  status: 'draft' | 'submitted' | 'approved' | 'published';
  statusLabel: string;
  origin: 'assembled' | 'imported';
  errorCount: number;
  warningCount: number;
  publishedOn: string | null;
  deadline: string;
  late: boolean | null;
  correctionReason: string | null;
  returnReason: string | null;
  revision: number;
  updatedAt: string;
}
