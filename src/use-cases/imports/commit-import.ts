import { randomUUID } from 'node:crypto';
import type { Moment } from '../../core/moment.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import { normalizeAgencyName } from '../../core/region/agency-names.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { PlannedFile } from '../../store/imports/import-plan.ts';
import {
  agencyIdByName,
  type ImportedReport,
  type ImportSummary,
  insertImportedReports,
  lastReportVersions,
  storedSourceDigests,
} from '../../store/imports/imported-reports.ts';
import { createAgency } from '../../store/organisation/organisation.repository.ts';

/** A people's government's own report (due 31 March) or a department's. */
function kindOfNewAgency(name: string): AgencyKind {
  return /人民政府$/.test(name) ? 'government' : 'department';
}

/** Agencies the plan says to create, created once each (audited), by normalised name → id. */
async function createPlannedAgencies(
  trx: StoreTrx,
  plan: readonly PlannedFile[],
  batch: { batchId: string; regionId: string; actor: Actor; now: Moment },
): Promise<Map<string, string>> {
  const { batchId, regionId, actor, now } = batch;
  const created = new Map<string, string>();
  for (const f of plan) {
    if (f.status !== 'ready' || f.agencyId !== null || !f.report) continue;
    const name = f.agencyName ?? f.report.agency;
    const key = normalizeAgencyName(name);
    if (created.has(key)) continue;
    const existing = await agencyIdByName(trx, regionId, name);
    if (existing) {
      created.set(key, existing);
      continue;
    }
    const agency = await createAgency(trx, { regionId, name, kind: kindOfNewAgency(name) });
    await appendAudit(trx, {
      agencyId: null,
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
  trx: StoreTrx,
  batchId: string,
  regionId: string,
  plan: readonly PlannedFile[],
  actor: Actor,
  now: Moment,
): Promise<ImportSummary> {
  const ready = plan.filter((f) => f.status === 'ready' && f.report && f.sha256);
  const storedSha = await storedSourceDigests(
    trx,
    ready.map((f) => f.sha256!),
  );
  const created = await createPlannedAgencies(trx, plan, { batchId, regionId, actor, now });
  const agencyOf = (f: PlannedFile) =>
    f.agencyId ?? created.get(normalizeAgencyName(f.agencyName ?? f.report!.agency))!;
  const lastVersion = await lastReportVersions(trx, [...new Set(ready.map(agencyOf))]);

  const files: ImportSummary['files'] = [];
  const inserts: ImportedReport[] = [];
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
      ...(f.scan ? { scan: f.scan } : {}),
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
      agencyId,
      version,
      report: f.report,
      errorCount: f.errorCount,
      warningCount: f.warningCount,
      fileName: f.name,
      sha256: f.sha256,
      scan: f.scan ?? null,
    });
    stored.push({ reportId: id, agencyId, year: f.report.year, version, sha256: f.sha256, file: f.name });
    files.push({ ...base, status: 'imported', reason: null, reportId: id, version });
  }
  await insertImportedReports(trx, inserts, actor.userId, now.at.toISOString());

  const summary: ImportSummary = {
    batchId,
    imported: files.filter((f) => f.status === 'imported').length,
    alreadyImported: files.filter((f) => f.status === 'duplicate').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    files,
  };
  await appendAudit(trx, {
    agencyId: null,
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
