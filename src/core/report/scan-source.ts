import type { ScanSummary } from '../rules/proofread-ocr.ts';

/**
 * What is known of a report read from a scan (an image-only PDF or page images) by OCR: its pages,
 * the recogniser's confidence and what the arithmetic proofreader did with the table cells. A
 * report not read from a scan has none (null, never zeros): neither do reports stored before this
 * was recorded.
 */
export interface ScanSource extends ScanSummary {
  /** Lowest confidence (0–100) of a table cell read; null when no cell carried one. */
  minConfidence: number | null;
}

/** The label shown wherever a report read from a scan is listed or shown. */
export const SCAN_TAG = '扫描件';

const percent = (n: number) => `${Math.round(n)}%`;

/** The scan's summary in one line (tooltips, lists, the CLI). */
export function describeScan(scan: ScanSource): string {
  const confidence =
    scan.minConfidence === null
      ? `平均识别置信度 ${percent(scan.meanConfidence)}`
      : `平均识别置信度 ${percent(scan.meanConfidence)}（最低 ${percent(scan.minConfidence)}）`;
  return `扫描件 ${scan.pages} 页，${confidence}；表格单元格识别 ${scan.cellsRead} 个，按勾稽关系校正 ${scan.cellsCorrected} 个，无法识别 ${scan.cellsUnreadable} 个`;
}

/** The lowest confidence of the cells read by OCR (null when none carried one). */
export function lowestConfidence(confidences: Iterable<readonly number[] | undefined>): number | null {
  let min: number | null = null;
  for (const row of confidences) {
    for (const c of row ?? []) if (min === null || c < min) min = c;
  }
  return min;
}
