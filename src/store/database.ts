import type {
  AnnualReportsTable,
  RegionYearFiguresTable,
  ReportFiguresTable,
  ReportScansTable,
} from './report-tables.ts';
/**
 * Row types of the tables, as Kysely sees them. They never leave src/store: repositories map rows
 * to domain objects. Portable types only (DESIGN.md, Storage): ids are text, counts integers, days
 * 'YYYY-MM-DD' text, instants ISO-8601 UTC text ('2026-11-22T08:00:00.000Z', which sorts as
 * text), JSON as text.
 */

import type { JobState } from '../core/jobs/job.ts';
import type { AgencyKind } from '../core/organisation/agency.ts';
import type { RegionLevel } from '../core/organisation/region.ts';
import type { Role } from '../core/organisation/role.ts';

export interface RegionsTable {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parent_id: string | null;
  /** MixedOutcomeRule, or null: inherited from the region above. */
  mixed_outcome_rule: string | null;
  /** ISO date; null while the region exists. */
  closed_on: string | null;
}

export interface AgenciesTable {
  id: string;
  region_id: string;
  name: string;
  kind: AgencyKind;
  /** ISO date; null while the agency exists. */
  closed_on: string | null;
  /** The agency it was merged into when closed (its successor); null otherwise. */
  merged_into: string | null;
}

/** A name an agency had until `renamed_on` (机构改革). */
export interface AgencyFormerNamesTable {
  agency_id: string;
  name: string;
  renamed_on: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  agency_id: string | null;
  region_id: string | null;
  failed_logins: number;
  created_at: string;
  /** 1: disabled by an administrator (migration 011); no login, sessions and tokens refused. */
  disabled: number;
  /** 1: the account may only change its password, read its session and log out (migration 011). */
  must_change_password: number;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is only in the user's cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the token; the token is shown once, at creation. */
  token_hash: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface TrackingCountersTable {
  agency_id: string;
  year: number;
  last_number: number;
}

export interface ApplicationsTable {
  id: string;
  agency_id: string;
  /** Year of received_on: the year of the tracking number and of its counter. */
  year: number;
  tracking_number: string;
  channel: string;
  submitted_on: string;
  confirmed_on: string | null;
  received_on: string;
  applicant_type: string;
  description: string;
  status: string;
  outcome: string | null;
  concluded_on: string | null;
  events_json: string;
  /**
   * Derived: the answer deadline as computed by the core when the row was last saved. null while
   * it is unknown (补正 awaited, period suspended) or the holiday calendar does not cover it.
   */
  answer_due_on: string | null;
  /** SHA-256 (hex) of the applicant's follow-up code; null when none was issued. */
  verification_hash: string | null;
  /** JSON of core RequestedForm (载体形式, 获取方式); null when not stated. */
  requested_form_json: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The applicant's personal data, kept apart from the application (DESIGN.md, quality bars). */
export interface ApplicantsTable {
  application_id: string;
  name: string;
  /** core IdType; null when not stated (and on applications registered before it existed). */
  id_type: string | null;
  id_number: string | null;
  phone: string | null;
  address: string | null;
  email: string | null;
}

/** One entry of an audit chain (migrations 009, 020): seq counts within its chain. */
export interface AuditLogTable {
  /** 'agency:<id>', 'system' (entries without an agency) or 'legacy' (the closed single chain before 020). */
  chain: string;
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** The head of each audit chain (migration 021); seq 0 with the genesis link before its first entry. */
export interface AuditChainsTable {
  chain: string;
  last_seq: number;
  last_hash: string;
}

export type {
  AnnualReportStatus,
  AnnualReportsTable,
  RegionYearFiguresTable,
  ReportFiguresTable,
  ReportScansTable,
} from './report-tables.ts';

/** 规章 / 行政规范性文件 of an agency's register (migration 012). */
export interface NormativeDocumentsTable {
  id: string;
  agency_id: string;
  kind: 'regulation' | 'normative';
  document_number: string;
  title: string;
  issued_on: string;
  /** null while in force. */
  repealed_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Table 二's figures of an agency-year (migration 013); null = not entered. */
export interface EnforcementStatisticsTable {
  agency_id: string;
  year: number;
  licensing: number | null;
  punishment: number | null;
  coercion: number | null;
  /** 行政事业性收费 in 0.0001 万元 (= 元); bigint, so PostgreSQL returns it as a string. */
  fees_wan_yuan_e4: number | string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A 行政复议 / 行政诉讼 case (migration 014). */
export interface CasesTable {
  id: string;
  agency_id: string;
  application_id: string | null;
  kind: 'review' | 'litigationDirect' | 'litigationAfterReview';
  /** The reconsideration body's or court's case number (案号), when known. */
  case_number: string | null;
  filed_on: string;
  /** null (with decided_on) while open: 尚未审结. */
  result: 'upheld' | 'corrected' | 'other' | null;
  decided_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An item of the proactive disclosure register (migration 015). */
export interface DisclosuresTable {
  id: string;
  agency_id: string;
  title: string;
  category: string;
  channel: string;
  document_number: string | null;
  attribute: string;
  /** null exactly when attribute is 'proactive'. */
  attribute_reason: string | null;
  /** Day the information was created or changed (art. 26). */
  created_on: string;
  /** Derived: created_on + 20 working days; null when the calendar does not reach it. */
  due_on: string | null;
  status: string;
  published_on: string | null;
  drafter_user_id: string;
  section_head_user_id: string | null;
  leader_user_id: string | null;
  secrecy_by_user_id: string | null;
  secrecy_at: string | null;
  secrecy_conclusion: string | null;
  secrecy_note: string | null;
  /** JSON array of the review steps (who, when, what). */
  steps_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An import of report files awaiting the user's confirmation (migration 019). */
export interface ImportBatchesTable {
  id: string;
  region_id: string;
  status: 'pending' | 'confirmed' | 'cancelled';
  /** The preview: each file's recognised agency, year, match, status and the report read from it. */
  plan_json: string;
  /** What the confirmation stored and skipped; null while pending. */
  summary_json: string | null;
  /** The job storing the confirmed batch's files (migration 2026-12-07-010); null before. */
  job_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  updated_at: string;
}

/** A work record (migrations 020, 021): data_json is checked by src/core/work-records before it is saved. */
export interface WorkRecordsTable {
  id: string;
  agency_id: string;
  kind: string;
  /** null exactly for a channel (kind 'channel'). */
  year: number | null;
  data_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One year's holiday arrangement (migration 2026-12-07-001). */
export interface HolidayArrangementsTable {
  year: number;
  title: string;
  document_number: string | null;
  issued_on: string;
  /** JSON array of {name, from, to}. */
  holidays_json: string;
  /** JSON array of 'YYYY-MM-DD' (调休上班). */
  make_up_json: string;
  source: 'built-in' | 'entered';
  entered_by: string | null;
  entered_at: string | null;
}

/** Hits of one subject (an address, an account and address) in one bucket, within a window. */
export interface RateLimitCountersTable {
  /** What is counted, e.g. 'login-address' or 'POST /api/public/track'. */
  bucket: string;
  subject: string;
  hits: number;
  /** ISO instant the window ends; the row counts nothing after it. */
  window_ends_at: string;
}

/** The last period a scheduled task was claimed for, by which instance. */
export interface ScheduledRunsTable {
  task: string;
  /** A sortable period key: 'YYYY-MM-DD' for a daily task, an ISO instant for shorter ones. */
  last_period: string;
  claimed_at: string;
  claimed_by: string;
}

/** A job (migration 2026-12-07-010): what the web and CLI show of long work run by workers. */
export interface JobsTable {
  id: string;
  kind: string;
  state: JobState;
  payload_json: string;
  /** The job runs as `parts` independent parts (one worker each). */
  parts: number;
  /** Units done of `total` (e.g. files of an import). */
  done: number;
  total: number;
  message: string | null;
  result_json: string | null;
  /** Why it failed (Chinese), null otherwise. */
  error: string | null;
  /** Runs of parts started, retries included. */
  attempts: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** A file of an import run as a job (migration 2026-12-07-010); status null until it is done. */
export interface ImportFilesTable {
  batch_id: string;
  position: number;
  name: string;
  /** The file's bytes, when the job reads the file; null when the preview already read it. */
  content: Uint8Array | null;
  /** What the preview read (a PlannedFile), when it did; null otherwise. */
  planned_json: string | null;
  status: 'imported' | 'duplicate' | 'skipped' | null;
  reason: string | null;
  recognised_agency: string | null;
  agency_name: string | null;
  year: number | null;
  report_id: string | null;
  version: number | null;
  /** While a job reads the file by OCR (migration 2026-12-07-241): the last page read, of ocr_pages. */
  ocr_page: number | null;
  ocr_pages: number | null;
}

export interface Database {
  regions: RegionsTable;
  agencies: AgenciesTable;
  agency_former_names: AgencyFormerNamesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  tracking_counters: TrackingCountersTable;
  applications: ApplicationsTable;
  applicants: ApplicantsTable;
  audit_log: AuditLogTable;
  audit_chains: AuditChainsTable;
  annual_reports: AnnualReportsTable;
  report_figures: ReportFiguresTable;
  report_scans: ReportScansTable;
  region_year_figures: RegionYearFiguresTable;
  normative_documents: NormativeDocumentsTable;
  enforcement_statistics: EnforcementStatisticsTable;
  cases: CasesTable;
  disclosures: DisclosuresTable;
  import_batches: ImportBatchesTable;
  work_records: WorkRecordsTable;
  holiday_arrangements: HolidayArrangementsTable;
  rate_limit_counters: RateLimitCountersTable;
  scheduled_runs: ScheduledRunsTable;
  jobs: JobsTable;
  import_files: ImportFilesTable;
}
