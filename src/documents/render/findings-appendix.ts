import type { ScanSource } from '../../core/report/scan-source.ts';
import type { TableGrid } from '../../core/report/table-grids.ts';
import { type Finding, formatLocation, SEVERITY_LABELS, sortFindings } from '../../core/rules/finding.ts';

export const APPENDIX_CAPTION = '附：核查结果';
export const APPENDIX_COLUMNS = ['级别', '规则', '位置', '说明'] as const;
export const APPENDIX_EMPTY = '核查未发现问题。';
/** Relative widths of the appendix table's columns, in millimetres of the 156 mm text width. */
export const APPENDIX_COLUMNS_MM = [26, 16, 44, 70] as const;

export interface RenderOptions {
  /** Findings of the checker; when given (even empty), the rendering ends with "附：核查结果". */
  findings?: Finding[];
  /**
   * The report was read from a scan by OCR: the HTML page (the public's 在线阅读) says so under its
   * title, with the OCR summary (describeScan), as the lists and the region's views do.
   */
  scan?: ScanSource | null;
}

/** One printed line per finding: errors first; a rule that could not be assessed says so. */
export function appendixRows(findings: Finding[]): [string, string, string, string][] {
  return sortFindings(findings).map((f) => [
    f.assessable ? SEVERITY_LABELS[f.severity] : `${SEVERITY_LABELS[f.severity]}（无法判定）`,
    f.ruleId,
    formatLocation(f.location) || '—',
    f.message,
  ]);
}

/** The appendix table (级别, 规则, 位置, 说明) of the findings, or null when there is none to list. */
export function appendixGrid(findings: Finding[]): TableGrid | null {
  const rows = appendixRows(findings);
  if (rows.length === 0) return null;
  return {
    id: 'findings',
    columnsMm: APPENDIX_COLUMNS_MM,
    headerRows: [APPENDIX_COLUMNS.map((text) => ({ kind: 'header', text }))],
    bodyRows: rows.map((row) => row.map((text) => ({ kind: 'label', text }))),
  };
}
