import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Role } from '../../core/organisation/role.ts';
import type { ReportNumbers } from '../../core/report/report-numbers.ts';
import { assertMayAssemble, decideReportStep } from '../../core/report/report-workflow.ts';
import { REPORT_SCHEMA_ID, type Report } from '../../core/report/schema.ts';
import type { Finding } from '../../core/rules/finding.ts';
import { draftNarrative } from '../../core/work/draft-narrative.ts';
import { summariseWork } from '../../core/work/work-summary.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
import type { Database } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { loadWorkRecordsOfYear } from '../work/load-work-records.ts';
import { countReportNumbers } from './count-report-numbers.ts';
import { newDraftRow } from './draft-row.ts';
import { getAnnualReport } from './read-annual-reports.ts';
import { type AgencyFacts, agencyFacts, derivedColumns, findingsOfStoredReport } from './report-findings.ts';
import { rowToAnnualReport, type StoredAnnualReport } from './stored-annual-report.ts';

/** Who acts on a report: the audit actor and the role the workflow decides by. */
export interface ReportActor extends Actor {
  role: Role;
}

export interface ReportSections {
  overview: string;
  problems: string;
  other: string;
}

export const REPORT_CONFLICT_MESSAGE = '该年度报告已被他人修改，请刷新后重试';

/** Reports in the 2021 format (国办公开办函〔2021〕30号) only: earlier years used another table 二. */
export const FIRST_REPORT_YEAR = 2021;

/** Each section at most this many characters (a long report has a few thousand). */
export const MAX_SECTION_LENGTH = 50_000;

function checkSections(sections: Partial<ReportSections>): void {
  for (const [key, text] of Object.entries(sections)) {
    if (text !== undefined && text.length > MAX_SECTION_LENGTH)
      throw new AppError('INVALID_INPUT', `正文过长（${key}，最多${MAX_SECTION_LENGTH}字）`);
  }
}

function checkYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > current) {
    throw new AppError(
      'INVALID_INPUT',
      `年度应在 ${FIRST_REPORT_YEAR} 至 ${current} 之间（${FIRST_REPORT_YEAR} 年起使用国办公开办函〔2021〕30号格式）`,
    );
  }
}

/**
 * A new report document of an agency-year from its numbers; sections 一 and 六 not given are
 * drafted from the numbers and the year's work records (draftNarrative), 五 is left empty.
 */
function newReport(
  agency: AgencyFacts,
  year: number,
  numbers: ReportNumbers,
  sections: Partial<ReportSections>,
  drafted: { overview: string; other: string },
): Report {
  return {
    schema: REPORT_SCHEMA_ID,
    formatVersion: '2021',
    agency: agency.name,
    year,
    publishedOn: null,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    title: `${agency.name}${year}年政府信息公开工作年度报告`,
    sections: {
      overview: sections.overview ?? drafted.overview,
      problems: sections.problems ?? '',
      other: sections.other ?? drafted.other,
    },
    ...numbers,
  };
}

/** Sections 一 and 六 drafted from the tables and the agency-year's work records. */
async function draftFromRecords(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
  numbers: ReportNumbers,
  agency: AgencyFacts,
): Promise<{ overview: string; other: string }> {
  const work = summariseWork(await loadWorkRecordsOfYear(db, agencyId, year));
  return draftNarrative(work, numbers, year, agency.name);
}

export interface AssembleReportInput {
  agencyId: string;
  year: number;
  /** Sections the officer already has; 一 and 六 are drafted from the numbers and work records when absent, 五 empty. */
  sections?: Partial<ReportSections>;
}

/**
 * Creates version 1 of an agency-year's report as a draft: tables 二/三/四 counted from the
 * records by the database, section 一 drafted from them (the officer edits it). Audited. Throws
 * FORBIDDEN (not an officer or reviewer), NOT_FOUND (agency), INVALID_INPUT (year outside
 * 2021…this year, sections too long), CONFLICT (the agency-year already has a report: edit the
 * draft, or correct the published version).
 */
export async function assembleAnnualReport(
  trx: Transaction<Database>,
  input: AssembleReportInput,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  assertMayAssemble(actor.role);
  checkYear(input.year, now.today);
  checkSections(input.sections ?? {});
  const agency = await agencyFacts(trx, input.agencyId);
  const existing = await trx
    .selectFrom('annual_reports')
    .select(['version', 'status'])
    .where('agency_id', '=', input.agencyId)
    .where('year', '=', input.year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `${agency.name}${input.year}年度报告已存在（第${existing.version}版），请修改现有草稿，或对已发布的版本进行更正`,
    );
  }
  const numbers = await countReportNumbers(trx, input.agencyId, input.year);
  const drafted = await draftFromRecords(trx, input.agencyId, input.year, numbers, agency);
  const report = newReport(agency, input.year, numbers, input.sections ?? {}, drafted);
  const at = now.at.toISOString();
  const row = await newDraftRow(trx, {
    agencyId: input.agencyId,
    year: input.year,
    version: 1,
    origin: 'assembled',
    report,
    correctionReason: null,
    createdBy: actor.userId,
    at,
  });

  try {
    await trx.insertInto('annual_reports').values(row).execute();
  } catch (error) {
    // Two assemblies at once: the unique (agency, year, version) lets one through.
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', `${agency.name}${input.year}年度报告已存在，请刷新后重试`);
    throw error;
  }
  const stored = rowToAnnualReport(row);
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'annual-report',
    entityId: row.id,
    action: 'assemble',
    before: null,
    after: auditView(stored),
  });
  return stored;
}

/** What the audit log keeps of a version: the workflow fields and the numbers (no personal data exists in a report). */
export function auditView(stored: StoredAnnualReport) {
  const { report, ...summary } = stored;
  return {
    ...summary,
    sections: report.sections,
    numbers: { table2: report.table2, table3: report.table3, table4: report.table4 },
  };
}

export async function loadForUpdate(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedRevision: number,
): Promise<StoredAnnualReport> {
  const before = await getAnnualReport(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '年度报告不存在');
  if (before.revision !== expectedRevision) throw new AppError('CONFLICT', REPORT_CONFLICT_MESSAGE);
  return before;
}

export interface ReportRowChanges {
  report: Report;
  status?: StoredAnnualReport['status'];
  published_on?: string | null;
  submitted_by?: string | null;
  approved_by?: string | null;
  return_reason?: string | null;
}

/**
 * Saves a version if nobody saved it since `before.revision` (WHERE revision = …), recomputing the
 * JSON, the numbers and the finding counts; audits before and after under `action`.
 */
export async function saveVersion(
  trx: Transaction<Database>,
  before: StoredAnnualReport,
  changes: ReportRowChanges,
  action: string,
  actor: Actor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const { report, ...columns } = changes;
  const at = now.at.toISOString();
  const result = await trx
    .updateTable('annual_reports')
    .set({
      ...columns,
      ...(await derivedColumns(trx, before.agencyId, report)),
      revision: before.revision + 1,
      updated_at: at,
    })
    .where('id', '=', before.id)
    .where('agency_id', '=', before.agencyId)
    .where('revision', '=', before.revision)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('CONFLICT', REPORT_CONFLICT_MESSAGE);
  const after = await getAnnualReport(trx, before.agencyId, before.id);
  if (!after) throw new AppError('INTERNAL', '年度报告保存后无法读取');
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'annual-report',
    entityId: before.id,
    action,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

/**
 * Saves the officer's text of sections 一、五、六 (those given) on a draft. Throws NOT_FOUND,
 * CONFLICT (stale revision, or not a draft: a published report is locked), FORBIDDEN (role),
 * INVALID_INPUT (none given, or too long).
 */
export async function saveReportSections(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  sections: Partial<ReportSections>,
  expectedRevision: number,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  checkSections(sections);
  if (Object.values(sections).every((v) => v === undefined))
    throw new AppError('INVALID_INPUT', '没有要修改的内容：请提供第一、五、六部分中至少一部分的正文');
  const before = await loadForUpdate(trx, agencyId, id, expectedRevision);
  decideReportStep({
    action: 'edit',
    status: before.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: before.submittedBy,
  });
  const defined = Object.fromEntries(Object.entries(sections).filter(([, v]) => v !== undefined));
  const report: Report = { ...before.report, sections: { ...before.report.sections, ...defined } };
  return saveVersion(trx, before, { report }, 'edit-sections', actor, now);
}

/**
 * Counts the draft's tables again from the records (they may have changed since assembly); the
 * sections are kept as the officer wrote them, so the narrative rules will point at any number
 * the text still states from before. Same errors as saveReportSections.
 */
export async function reassembleReport(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedRevision: number,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const before = await loadForUpdate(trx, agencyId, id, expectedRevision);
  decideReportStep({
    action: 'reassemble',
    status: before.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: before.submittedBy,
  });
  const numbers = await countReportNumbers(trx, agencyId, before.year);
  return saveVersion(trx, before, { report: { ...before.report, ...numbers } }, 'reassemble', actor, now);
}

/**
 * What assembly would produce for an agency-year, without saving anything: the report (tables
 * counted from the records, section 一 drafted) and its findings. For previews and the CLI.
 */
export async function previewAnnualReport(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
  today: string,
): Promise<{ report: Report; findings: Finding[] }> {
  checkYear(year, today);
  const agency = await agencyFacts(db, agencyId);
  const numbers = await countReportNumbers(db, agencyId, year);
  const report = newReport(
    agency,
    year,
    numbers,
    {},
    await draftFromRecords(db, agencyId, year, numbers, agency),
  );
  return { report, findings: await findingsOfStoredReport(db, agencyId, report) };
}
