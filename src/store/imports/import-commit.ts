import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import { normalizeAgencyName } from '../../core/region/agency-names.ts';
import type { Report } from '../../core/report/schema.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
import type { AnnualReportsTable, Database } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { createAgency } from '../organisation/organisation.repository.ts';
import type { PlannedFile } from './import-plan.ts';

export interface ImportSummary {
  batchId: string;
  imported: number;
  alreadyImported: number;
  skipped: number;
  files: Array<
    Pick<PlannedFile, 'name' | 'reason' | 'recognisedAgency' | 'year' | 'agencyName'> & {
      status: 'imported' | 'duplicate' | 'skipped';
      reportId: string | null;
      version: number | null;
    }
  >;
}

/** A people's government's own report (due 31 March) or a department's. */
function kindOfNewAgency(name: string): AgencyKind {
  return /人民政府$/.test(name) ? 'government' : 'department';
}

/** The tables only: what regional totals read (numbers_json). */
export function numbersOf(report: Report) {
  return { table2: report.table2, table3: report.table3, table4: report.table4 };
}

/** Rows per statement: well under the parameter limits of SQLite and PostgreSQL. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Agencies the plan says to create, created once each (audited), by normalised name → id. */
async function createPlannedAgencies(
  trx: Transaction<Database>,
  batchId: string,
  regionId: string,
  plan: readonly PlannedFile[],
  actor: Actor,
  now: Moment,
): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const f of plan) {
    if (f.status !== 'ready' || f.agencyId !== null || !f.report) continue;
    const name = f.agencyName ?? f.report.agency;
    const key = normalizeAgencyName(name);
    if (created.has(key)) continue;
    const existing = await trx
      .selectFrom('agencies')
      .select('id')
      .where('region_id', '=', regionId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing) {
      created.set(key, existing.id);
      continue;
    }
    const agency = await createAgency(trx, { regionId, name, kind: kindOfNewAgency(name) });
    await appendAudit(trx, {
      at: now.at,
      actor,
      entity: 'agency',
      entityId: agency.id,
      action: 'create-by-import',
      before: null,
      after: { regionId, name, kind: agency.kind, batchId },
    });
    created.set(key, agency.id);
  }
  return created;
}

/**
 * Stores the ready files of a plan as published, imported reports (version = next for the
 * agency-year), creating the agencies the plan says to create in `regionId`. A file whose bytes
 * were stored meanwhile is reported as a duplicate. In bulk (a few statements per 200 reports),
 * with one audit entry for the batch listing every stored report (agency, year, version, file
 * digest) — reports carry no personal data. The caller owns the transaction.
 */
export async function commitImport(
  trx: Transaction<Database>,
  batchId: string,
  regionId: string,
  plan: readonly PlannedFile[],
  actor: Actor,
  now: Moment,
): Promise<ImportSummary> {
  const at = now.at.toISOString();
  const ready = plan.filter((f) => f.status === 'ready' && f.report && f.sha256);
  const storedSha = new Set<string>();
  for (const part of chunks(ready.map((f) => f.sha256!))) {
    const rows = await trx
      .selectFrom('annual_reports')
      .select('source_sha256')
      .where('source_sha256', 'in', part)
      .execute();
    for (const r of rows) storedSha.add(r.source_sha256!);
  }
  const created = await createPlannedAgencies(trx, batchId, regionId, plan, actor, now);
  const agencyOf = (f: PlannedFile) =>
    f.agencyId ?? created.get(normalizeAgencyName(f.agencyName ?? f.report!.agency))!;
  const lastVersion = new Map<string, number>();
  for (const part of chunks([...new Set(ready.map(agencyOf))])) {
    const rows = await trx
      .selectFrom('annual_reports')
      .select(['agency_id', 'year', (eb) => eb.fn.max('version').as('version')])
      .where('agency_id', 'in', part)
      .groupBy(['agency_id', 'year'])
      .execute();
    for (const r of rows) lastVersion.set(`${r.agency_id}|${r.year}`, Number(r.version));
  }

  const files: ImportSummary['files'] = [];
  const inserts: Insertable<AnnualReportsTable>[] = [];
  const stored: Array<{
    reportId: string;
    agencyId: string;
    year: number;
    version: number;
    sha256: string;
    file: string;
  }> = [];
  for (const f of plan) {
    const base = {
      name: f.name,
      reason: f.reason,
      recognisedAgency: f.recognisedAgency,
      year: f.year,
      agencyName: f.agencyName,
      reportId: null,
      version: null,
    };
    if (f.status !== 'ready' || !f.report || !f.sha256) {
      files.push({ ...base, status: f.status === 'duplicate' ? 'duplicate' : 'skipped' });
      continue;
    }
    if (storedSha.has(f.sha256)) {
      files.push({ ...base, status: 'duplicate', reason: '已导入过，不重复导入' });
      continue;
    }
    storedSha.add(f.sha256);
    const agencyId = agencyOf(f);
    const key = `${agencyId}|${f.report.year}`;
    const version = (lastVersion.get(key) ?? 0) + 1;
    lastVersion.set(key, version);
    const id = randomUUID();
    inserts.push({
      id,
      agency_id: agencyId,
      year: f.report.year,
      version,
      status: 'published',
      origin: 'imported',
      report_json: JSON.stringify(f.report),
      numbers_json: JSON.stringify(numbersOf(f.report)),
      error_count: f.errorCount,
      warning_count: f.warningCount,
      published_on: f.report.publishedOn,
      correction_reason: version > 1 ? '导入了新的已发布文件' : null,
      source_file_name: f.name.slice(-255),
      source_sha256: f.sha256,
      created_by: actor.userId,
      revision: 1,
      created_at: at,
      updated_at: at,
    });
    stored.push({ reportId: id, agencyId, year: f.report.year, version, sha256: f.sha256, file: f.name });
    files.push({ ...base, status: 'imported', reason: null, reportId: id, version });
  }
  try {
    for (const part of chunks(inserts, 100)) await trx.insertInto('annual_reports').values(part).execute();
  } catch (error) {
    // Another import stored one of these files (or a version of the same agency-year) meanwhile.
    if (isUniqueViolation(error)) {
      throw new AppError(
        'CONFLICT',
        '另一批导入同时存入了其中的文件或同一机关同一年度的报告，本批未入库，请重新确认或上传',
      );
    }
    throw error;
  }

  const summary: ImportSummary = {
    batchId,
    imported: files.filter((f) => f.status === 'imported').length,
    alreadyImported: files.filter((f) => f.status === 'duplicate').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    files,
  };
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'import-batch',
    entityId: batchId,
    action: 'import',
    before: null,
    after: {
      regionId,
      imported: summary.imported,
      alreadyImported: summary.alreadyImported,
      skipped: summary.skipped,
      reports: stored,
    },
  });
  return summary;
}
