import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isAppError } from '../../core/errors.ts';
import { agencyMatcher, nameFitsRegion } from '../../core/region/agency-names.ts';
import type { Report } from '../../core/report/schema.ts';
import { checkReport } from '../../documents/check-report.ts';
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

export type ReadDocument = (bytes: Uint8Array, fileName: string) => Promise<IngestOutput>;

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
      file.reason = `与本批中的文件“${twin}”内容相同`;
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
    const sameYear = seenAgencyYear.get(`${agencyKey}|${report.year}`);
    if (sameYear !== undefined) {
      file.reason = `本批中已有该机关 ${report.year} 年度的报告（文件“${sameYear}”）`;
      continue;
    }
    seenAgencyYear.set(`${agencyKey}|${report.year}`, source.name);
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
