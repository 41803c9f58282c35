import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isAppError } from '../../core/errors.ts';
import { agencyMatcher, nameFitsRegion } from '../../core/region/agency-names.ts';
import type { ScanSource } from '../../core/report/scan-source.ts';
import type { Report } from '../../core/report/schema.ts';
import { checkReport } from '../../documents/check-report.ts';
import { pageImageEntries } from '../../documents/ingest/image/page-image-bundle.ts';
import type { IngestOutput } from '../../documents/ingest/ingest-pool.ts';
import type { Database } from '../database.ts';
import { regionalAgencies, regionNamesAround } from '../region/regional-agencies.ts';

/** A file offered for import; `read` may throw an AppError (unreadable, too large, zip bomb). */
export interface ImportSource {
  name: string;
  read(): Uint8Array | Promise<Uint8Array>;
}

/**
 * - ready:     will be stored on confirmation;
 * - duplicate: the same bytes (SHA-256) are already stored: not stored again;
 * - skipped:   refused, with the reason.
 */
export type PlannedStatus = 'ready' | 'duplicate' | 'skipped';

export interface PlannedFile {
  name: string;
  status: PlannedStatus;
  reason: string | null;
  sha256: string | null;
  format: string | null;
  /** Agency name and year as printed in the report. */
  recognisedAgency: string | null;
  year: number | null;
  /** The agency of the region it was matched to; null with match 'new-agency' (created on confirmation). */
  agencyId: string | null;
  agencyName: string | null;
  match: 'name' | 'former-name' | 'mapping' | 'new-agency' | null;
  /**
   * The report's agency name designates no agency of the region (or several): the file is skipped
   * unless the user names the agency (a mapping). Absent in batches planned before it existed.
   */
  needsAgency?: boolean;
  errorCount: number;
  warningCount: number;
  /** Read from a scan by OCR: pages, confidence, cells corrected or unreadable. Absent otherwise. */
  scan?: ScanSource;
  /** The page images grouped as this one report's pages, in order. Absent for any other file. */
  pageImages?: string[];
  /** The report read from the file (ready files only). */
  report?: Report;
}

export interface ImportOptions {
  regionId: string;
  /** Only reports of this year are accepted. */
  year?: number;
  /** Report agency name → agency id or name: for agencies renamed between years. */
  mapping?: Record<string, string>;
  /** Create an agency (in the import's region) for a report whose agency is not found. */
  createAgencies?: boolean;
}

/** Reads a document; `onPage` is called after each page of a scan is read by OCR (seconds each). */
export type ReadDocument = (
  bytes: Uint8Array,
  fileName: string,
  onPage?: (page: number, pages: number) => void,
) => Promise<IngestOutput>;

const twinReason = (twin: string) => `与本批中的文件“${twin}”内容相同`;
const sameAgencyYearReason = (year: number, twin: string) =>
  `本批中已有该机关 ${year} 年度的报告（文件“${twin}”）`;
const agencyYearKey = (agencyKey: string, year: number) => `${agencyKey}|${year}`;

const UNRECOGNISED_AGENCY = '（未识别的机关）';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function blank(name: string): PlannedFile {
  return {
    name,
    status: 'skipped',
    reason: null,
    sha256: null,
    format: null,
    recognisedAgency: null,
    year: null,
    agencyId: null,
    agencyName: null,
    match: null,
    errorCount: 0,
    warningCount: 0,
  };
}

const messageOf = (error: unknown) =>
  isAppError(error)
    ? error.message
    : `无法解析该文件（${error instanceof Error ? error.message.slice(0, 120) : '未知错误'}）`;

/**
 * Reads every file (through `read`, i.e. the IngestWorker: bounded time and memory per file),
 * recognises agency and year from the content, matches the agency among those of the region and
 * says what confirming would do with each file. Stores nothing.
 */
export async function planImport(
  db: Kysely<Database>,
  read: ReadDocument,
  sources: Iterable<ImportSource>,
  options: ImportOptions,
  onProgress?: (done: number, name: string) => void,
): Promise<PlannedFile[]> {
  const agencies = await regionalAgencies(db, options.regionId, 'all');
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const match = agencyMatcher(agencies);
  const regionNames = options.createAgencies ? await regionNamesAround(db, options.regionId) : [];
  const seenSha = new Map<string, string>();
  const seenAgencyYear = new Map<string, string>();
  const out: PlannedFile[] = [];
  let done = 0;
  for (const source of sources) {
    onProgress?.(done, source.name);
    done += 1;
    const file = blank(source.name);
    out.push(file);
    let bytes: Uint8Array;
    try {
      bytes = await source.read();
    } catch (error) {
      file.reason = messageOf(error);
      continue;
    }
    file.sha256 = sha256Hex(bytes);
    const twin = seenSha.get(file.sha256);
    if (twin !== undefined) {
      file.reason = twinReason(twin);
      continue;
    }
    seenSha.set(file.sha256, source.name);
    const stored = await db
      .selectFrom('annual_reports')
      .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
      .select(['agencies.name as agency', 'annual_reports.year', 'annual_reports.version'])
      .where('annual_reports.source_sha256', '=', file.sha256)
      .executeTakeFirst();
    if (stored) {
      file.status = 'duplicate';
      file.reason = `已导入过（${stored.agency} ${stored.year} 年度，第 ${stored.version} 版），不重复导入`;
      file.recognisedAgency = stored.agency;
      file.year = stored.year;
      continue;
    }
    let result: IngestOutput;
    try {
      result = await read(bytes, source.name);
    } catch (error) {
      file.reason = messageOf(error);
      continue;
    }
    const report = result.report;
    file.format = result.format;
    if (result.scan) file.scan = result.scan;
    if (result.format === 'image') {
      // The pages of a zip of page images, in the order they were read (a single image has no list).
      const pages = pageImageEntries(bytes);
      if (pages) file.pageImages = pages.map((p) => p.name);
    }
    file.recognisedAgency = report.agency;
    file.year = report.year;
    if (report.agency === UNRECOGNISED_AGENCY) {
      file.reason = '无法从标题识别机关名称';
      continue;
    }
    if (options.year !== undefined && report.year !== options.year) {
      file.reason = `报告年度为 ${report.year} 年，与指定的 ${options.year} 年不符`;
      continue;
    }
    const found = match(report.agency, options.mapping ?? {});
    if (found.kind === 'ambiguous') {
      file.needsAgency = true;
      file.reason = `机关名称“${report.agency}”对应本地区多个机关，请用映射指定`;
      continue;
    }
    if (found.kind === 'none' && !(options.createAgencies && nameFitsRegion(report.agency, regionNames))) {
      file.needsAgency = true;
      file.reason = options.createAgencies
        ? `机关“${report.agency}”不属于本地区：名称中的地名不是本地区或其下级地区，未新建`
        : `机关“${report.agency}”不属于本地区（或名称已变更）：可指定对应的机关（名称映射），或选择新建机关`;
      continue;
    }
    const agencyKey = found.kind === 'matched' ? found.agencyId : `new:${report.agency}`;
    const sameYear = seenAgencyYear.get(agencyYearKey(agencyKey, report.year));
    if (sameYear !== undefined) {
      file.reason = sameAgencyYearReason(report.year, sameYear);
      continue;
    }
    seenAgencyYear.set(agencyYearKey(agencyKey, report.year), source.name);
    const findings = checkReport(report, result).filter((f) => f.assessable);
    file.errorCount = findings.filter((f) => f.severity === 'error').length;
    file.warningCount = findings.filter((f) => f.severity === 'warning').length;
    file.status = 'ready';
    file.report = report;
    if (found.kind === 'matched') {
      file.agencyId = found.agencyId;
      file.agencyName = byId.get(found.agencyId)!.name;
      file.match = found.via;
    } else {
      file.agencyName = report.agency.replace(/\s+/g, '');
      file.match = 'new-agency';
    }
  }
  onProgress?.(done, '');
  return out;
}

/**
 * Files of one batch planned separately (by the parts of a job reading its preview): a file with
 * the same bytes as an earlier one, or a report of the same agency and year, is skipped as
 * planImport would have skipped it had it read them together.
 */
export function skipTwinsInBatch(files: readonly PlannedFile[]): PlannedFile[] {
  const seenSha = new Map<string, string>();
  const seenAgencyYear = new Map<string, string>();
  return files.map((file) => {
    if (file.sha256 !== null && file.status !== 'skipped') {
      const twin = seenSha.get(file.sha256);
      if (twin !== undefined) return skipped(file, twinReason(twin));
      seenSha.set(file.sha256, file.name);
    }
    if (file.status !== 'ready' || file.year === null) return file;
    const key = agencyYearKey(file.agencyId ?? `new:${file.agencyName}`, file.year);
    const twin = seenAgencyYear.get(key);
    if (twin !== undefined) return skipped(file, sameAgencyYearReason(file.year, twin));
    seenAgencyYear.set(key, file.name);
    return file;
  });
}

function skipped({ report: _report, ...file }: PlannedFile, reason: string): PlannedFile {
  return { ...file, status: 'skipped', reason, agencyId: null, agencyName: null, match: null };
}

/** A file refused before it could be read (too large, a zip bomb…), with the reason. */
export function refusedFile(name: string, reason: string): PlannedFile {
  return { ...blank(name), reason };
}
