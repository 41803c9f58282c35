import type { Generated } from 'kysely';

/**
 * The tables of annual reports and their figures (part of the Database interface of database.ts,
 * kept apart so that each file stays small).
 */

export type AnnualReportStatus = 'draft' | 'submitted' | 'approved' | 'published';

/** One version of an agency's annual report (migration 016). */
export interface AnnualReportsTable {
  id: string;
  agency_id: string;
  year: number;
  /** 1, 2, …: a correction of a published report is the next version. */
  version: number;
  status: AnnualReportStatus;
  origin: 'assembled' | 'imported';
  /** The whole `gongkai-report/1` JSON. */
  report_json: string;
  /** `{ table2, table3, table4 }` of the same report, for regional totals. */
  numbers_json: string;
  error_count: number;
  warning_count: number;
  published_on: string | null;
  correction_reason: string | null;
  source_file_name: string | null;
  /** SHA-256 (hex) of the imported file's bytes; unique, so a re-import is recognised. */
  source_sha256: string | null;
  created_by: string | null;
  /** Counts saves of this row (optimistic concurrency, like applications.version). */
  revision: number;
  created_at: string;
  updated_at: string;
  /**
   * Workflow (migration 017): the user who submitted this version, null before submission. Optional
   * in the row type so that inserts written before 017 (imports) need not name the columns.
   */
  submitted_by?: string | null;
  /** The reviewer who approved this version. */
  approved_by?: string | null;
  /** The reason of the last return to draft, until the next submission. */
  return_reason?: string | null;
}

/**
 * The figures of an agency-year's newest published report (migration 2026-12-07-120), for regional
 * sums in SQL. Besides these columns, one double precision column per table cell, named as
 * report-figures.ts's FIGURE_COLUMNS, and one per cell only the 2019 format has (migration
 * 2026-12-07-250, format-2019-figures.ts's FORMAT2019_FIGURE_COLUMNS): read and written by name
 * there, not typed here.
 */
export interface ReportFiguresTable {
  agency_id: string;
  year: number;
  report_id: string;
  version: number;
  origin: 'assembled' | 'imported';
  published_on: string | null;
  error_count: number;
  warning_count: number;
  /**
   * Blank cells of the report in its own format (a 2019-format report's 2021 table 二 is not
   * printed, not blank): a report with any is counted as incomplete.
   */
  blank_cells: number;
  /** The report's format: '2019' (国办公开办函〔2019〕60号) or '2021'. */
  format_version: Generated<'2019' | '2021'>;
}

/**
 * The sums of report_figures over each region's own agencies (not its subregions) by year,
 * same cell columns (null where any report is blank there): a region's totals add up its subtree.
 */
export interface RegionYearFiguresTable {
  region_id: string;
  year: number;
  reports: number;
  /** Reports with a blank cell. */
  incomplete: number;
  /** Reports in the 2019 format (their own cells, f19_…, are summed over them only). */
  reports_2019: Generated<number>;
}

/**
 * An annual report read from a scan by OCR (migration 2026-12-07-240): one row per such report,
 * none for any other report (absent is not zero). Confidences 0–100.
 */
export interface ReportScansTable {
  report_id: string;
  pages: number;
  mean_confidence: number;
  /** Null when no table cell carried a confidence. */
  min_confidence: number | null;
  cells_read: number;
  cells_corrected: number;
  cells_unreadable: number;
}
