import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { normalizeAgencyName } from '../../core/region/agency-names.ts';
import type { Report } from '../../core/report/schema.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
import type { Database } from '../database.ts';
import type { Moment } from '../moment.ts';
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
function kindOfNewAgency(name: string): 'government' | 'department' {
  return /人民政府$/.test(name) ? 'government' : 'department';
}

/** The tables only: what regional totals read (numbers_json). */
export function numbersOf(report: Report) {
  return { table2: report.table2, table3: report.table3, table4: report.table4 };
}

/**
 * Stores the ready files of a plan as published, imported reports (version = next for the
 * agency-year), creating the agencies the plan says to create in `regionId`. A file whose bytes
 * were stored meanwhile is reported as a duplicate. One audit entry per stored report and one
 * for the batch; no personal data (reports carry none). The caller owns the transaction.
 */
export async function commitImport(
  trx: Transaction<Database>,
  batchId: string,
  regionId: string,
  plan: readonly PlannedFile[],
  actor: Actor,
  now: Moment,
): Promise<ImportSummary> {
  const created = new Map<string, string>();
  const at = now.at.toISOString();
  const files: ImportSummary['files'] = [];
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
    const already = await trx
      .selectFrom('annual_reports')
      .select('id')
      .where('source_sha256', '=', f.sha256)
      .executeTakeFirst();
    if (already) {
      files.push({ ...base, status: 'duplicate', reason: '已导入过，不重复导入' });
      continue;
    }
    let agencyId = f.agencyId;
    if (agencyId === null) {
      const name = f.agencyName ?? f.report.agency;
      const key = normalizeAgencyName(name);
      agencyId = created.get(key) ?? null;
      if (agencyId === null) {
        const existing = await trx
          .selectFrom('agencies')
          .select('id')
          .where('region_id', '=', regionId)
          .where('name', '=', name)
          .executeTakeFirst();
        agencyId =
          existing?.id ?? (await createAgency(trx, { regionId, name, kind: kindOfNewAgency(name) })).id;
        if (!existing) {
          await appendAudit(trx, {
            at: now.at,
            actor,
            entity: 'agency',
            entityId: agencyId,
            action: 'create-by-import',
            before: null,
            after: { regionId, name, batchId },
          });
        }
        created.set(key, agencyId);
      }
    }
    const last = await trx
      .selectFrom('annual_reports')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('agency_id', '=', agencyId)
      .where('year', '=', f.report.year)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const id = randomUUID();
    await trx
      .insertInto('annual_reports')
      .values({
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
      })
      .execute();
    await appendAudit(trx, {
      at: now.at,
      actor,
      entity: 'annual-report',
      entityId: id,
      action: 'import',
      before: null,
      after: { agencyId, year: f.report.year, version, sha256: f.sha256, fileName: f.name, batchId },
    });
    files.push({ ...base, status: 'imported', reason: null, reportId: id, version });
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
    },
  });
  return summary;
}
