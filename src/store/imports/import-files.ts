import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Database, ImportFilesTable } from '../database.ts';
import { reportScans } from '../reports/report-scans.ts';
import type { PlannedFile } from './import-plan.ts';
import type { ImportSummary } from './imported-reports.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A file of an import run as a job: its bytes (the job reads them), or what the batch's preview
 * read from them (`planned`); `refused` when its bytes could not even be read (too large, a zip
 * bomb…): done at once, skipped.
 */
export type ImportFileInput =
  | { name: string; content: Uint8Array }
  | { name: string; planned: PlannedFile }
  | { name: string; refused: string };

/** A file not done yet: its bytes or what the preview read from them. */
export type UndoneImportFile = { position: number; name: string } & (
  | { content: Uint8Array; planned: null }
  | { content: null; planned: PlannedFile }
);

export type ImportFileOutcome = ImportSummary['files'][number];

/** The batch's files, in order (position 0, 1, …), 100 a statement. */
export async function insertImportFiles(
  trx: Transaction<Database>,
  batchId: string,
  files: readonly ImportFileInput[],
): Promise<void> {
  const rows: ImportFilesTable[] = files.map((f, position) => ({
    batch_id: batchId,
    position,
    name: f.name,
    // Both drivers bind a Buffer (better-sqlite3 refuses a bare Uint8Array).
    content:
      'content' in f ? Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength) : null,
    planned_json: 'planned' in f ? JSON.stringify(f.planned) : null,
    status: 'refused' in f ? 'skipped' : null,
    reason: 'refused' in f ? f.refused : null,
    recognised_agency: null,
    agency_name: null,
    year: null,
    report_id: null,
    version: null,
    ocr_page: null,
    ocr_pages: null,
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await trx
      .insertInto('import_files')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

/** The files of positions [from, to) not done yet, with their bytes or what the preview read. */
export async function undoneImportFiles(
  db: Db,
  batchId: string,
  from: number,
  to: number,
): Promise<UndoneImportFile[]> {
  const rows = await db
    .selectFrom('import_files')
    .select(['position', 'name', 'content', 'planned_json'])
    .where('batch_id', '=', batchId)
    .where('position', '>=', from)
    .where('position', '<', to)
    .where('status', 'is', null)
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const position = Number(r.position);
    if (r.content !== null)
      return { position, name: r.name, content: new Uint8Array(r.content), planned: null };
    if (r.planned_json === null)
      throw new AppError('INTERNAL', `导入批次中第 ${position + 1} 个文件既无内容也无预览结果`);
    return { position, name: r.name, content: null, planned: JSON.parse(r.planned_json) as PlannedFile };
  });
}

/** How many files of the batch are not done yet. */
export async function countUndoneImportFiles(db: Db, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('import_files')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('batch_id', '=', batchId)
    .where('status', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The file of this batch already imported as this agency's report of `year`, if any. */
export async function importedInBatch(
  trx: Transaction<Database>,
  batchId: string,
  agencyName: string,
  year: number,
): Promise<string | null> {
  const row = await trx
    .selectFrom('import_files')
    .select('name')
    .where('batch_id', '=', batchId)
    .where('agency_name', '=', agencyName)
    .where('year', '=', year)
    .where('status', '=', 'imported')
    .executeTakeFirst();
  return row?.name ?? null;
}

/**
 * Records what happened to each file (and drops its bytes), in the transaction that stored its
 * report. CONFLICT when one of them was done meanwhile (another worker ran the same part): the
 * caller's transaction is then rolled back, so nothing is stored twice.
 */
export async function recordImportOutcomes(
  trx: Transaction<Database>,
  batchId: string,
  outcomes: ReadonlyArray<{ position: number; outcome: ImportFileOutcome }>,
): Promise<void> {
  for (const { position, outcome } of outcomes) {
    const result = await trx
      .updateTable('import_files')
      .set({
        content: null,
        planned_json: null,
        status: outcome.status,
        reason: outcome.reason,
        recognised_agency: outcome.recognisedAgency,
        agency_name: outcome.agencyName,
        year: outcome.year,
        report_id: outcome.reportId,
        version: outcome.version,
      })
      .where('batch_id', '=', batchId)
      .where('position', '=', position)
      .where('status', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new AppError('CONFLICT', '该文件已由另一个工作进程导入');
    }
  }
}

/** What the batch's job did so far, file by file (files not done yet are left out). */
export async function importOutcomes(db: Db, batchId: string): Promise<ImportSummary> {
  const rows = await db
    .selectFrom('import_files')
    .select(['name', 'status', 'reason', 'recognised_agency', 'agency_name', 'year', 'report_id', 'version'])
    .where('batch_id', '=', batchId)
    .where('status', 'is not', null)
    .orderBy('position')
    .execute();
  const scans = await reportScans(
    db,
    rows.flatMap((r) => (r.report_id === null ? [] : [r.report_id])),
  );
  const files: ImportSummary['files'] = rows.map((r) => ({
    ...(r.report_id !== null && scans.has(r.report_id) ? { scan: scans.get(r.report_id)! } : {}),
    name: r.name,
    status: r.status!,
    reason: r.reason,
    recognisedAgency: r.recognised_agency,
    year: r.year === null ? null : Number(r.year),
    agencyName: r.agency_name,
    reportId: r.report_id,
    version: r.version === null ? null : Number(r.version),
  }));
  return {
    batchId,
    imported: files.filter((f) => f.status === 'imported').length,
    alreadyImported: files.filter((f) => f.status === 'duplicate').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    files,
  };
}

/**
 * The OCR of a file being read by a job has got to `page` of `pages` (a progress write, throttled
 * by the caller; not in any transaction: a lost write only delays what is shown).
 */
export async function recordOcrPage(
  db: Db,
  batchId: string,
  position: number,
  page: number,
  pages: number,
): Promise<void> {
  await db
    .updateTable('import_files')
    .set({ ocr_page: page, ocr_pages: pages })
    .where('batch_id', '=', batchId)
    .where('position', '=', position)
    .execute();
}

/**
 * A batch's file read for its preview: what was read (planned_json) replaces its bytes.
 * CONFLICT when another worker read it meanwhile.
 */
export async function recordPlannedFile(
  trx: Transaction<Database>,
  batchId: string,
  position: number,
  planned: PlannedFile,
): Promise<void> {
  const result = await trx
    .updateTable('import_files')
    .set({ content: null, planned_json: JSON.stringify(planned), ocr_page: null, ocr_pages: null })
    .where('batch_id', '=', batchId)
    .where('position', '=', position)
    .where('content', 'is not', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该文件已由另一个工作进程读取');
}

/** A file of a batch whose preview is being read: read (planned), refused, or not yet (with its OCR page). */
export interface FileBeingRead {
  position: number;
  name: string;
  planned: PlannedFile | null;
  /** Why it was refused before reading (too large, a zip bomb…). */
  refused: string | null;
  /** Not read yet: the page its OCR has got to, of `pages` (null when not being read by OCR). */
  page: number | null;
  pages: number | null;
}

/** The files of a batch whose preview a job reads, in order (without their bytes). */
export async function filesBeingRead(db: Db, batchId: string): Promise<FileBeingRead[]> {
  const rows = await db
    .selectFrom('import_files')
    .select(['position', 'name', 'planned_json', 'status', 'reason', 'ocr_page', 'ocr_pages'])
    .where('batch_id', '=', batchId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    position: Number(r.position),
    name: r.name,
    planned: r.planned_json === null ? null : (JSON.parse(r.planned_json) as PlannedFile),
    refused: r.status === 'skipped' ? (r.reason ?? '') : null,
    page: r.ocr_page === null ? null : Number(r.ocr_page),
    pages: r.ocr_pages === null ? null : Number(r.ocr_pages),
  }));
}

/** The files of a batch whose preview is read: not read yet. */
export async function countUnreadImportFiles(db: Db, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('import_files')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('batch_id', '=', batchId)
    .where('content', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Drops a batch's files (its preview has been read into the batch). */
export async function deleteImportFiles(trx: Transaction<Database>, batchId: string): Promise<void> {
  await trx.deleteFrom('import_files').where('batch_id', '=', batchId).execute();
}
