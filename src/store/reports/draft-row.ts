import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Report } from '../../core/report/schema.ts';
import type { AnnualReportsTable, Database } from '../database.ts';
import { derivedColumns } from './report-findings.ts';

export interface DraftRowInput {
  agencyId: string;
  year: number;
  version: number;
  origin: AnnualReportsTable['origin'];
  report: Report;
  /** Set when the draft corrects a published version. */
  correctionReason: string | null;
  createdBy: string | null;
  /** ISO instant of creation. */
  at: string;
}

/** A new draft version's row: first revision, nothing submitted or approved, derived columns filled. */
export async function newDraftRow(db: Kysely<Database>, input: DraftRowInput): Promise<AnnualReportsTable> {
  return {
    id: randomUUID(),
    agency_id: input.agencyId,
    year: input.year,
    version: input.version,
    status: 'draft',
    origin: input.origin,
    ...(await derivedColumns(db, input.agencyId, input.report)),
    published_on: null,
    correction_reason: input.correctionReason,
    source_file_name: null,
    source_sha256: null,
    created_by: input.createdBy,
    revision: 1,
    created_at: input.at,
    updated_at: input.at,
    submitted_by: null,
    approved_by: null,
    return_reason: null,
  };
}
