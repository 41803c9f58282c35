import { TABLE3_ROW_KEYS, TABLE4_GROUP_KEYS } from '../../../core/report/labels.ts';
import type { Cell, Report, SourceRef } from '../../../core/report/schema.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import {
  LOW_OCR_CONFIDENCE,
  type OcrCellReading,
  proofreadOcrCells,
  type ScanSummary,
  UNREADABLE_CELL,
  uncheckedFinding,
  unreadableCellFinding,
  unreadableSourceRef,
} from '../../../core/rules/proofread-ocr.ts';
import { readValue } from '../interpret/cell-values.ts';
import type { IngestResult } from '../interpret/interpret-document.ts';
import type { SourceDocument, SourceLine } from '../source-document.ts';
import { TABLE2_ROWS } from './count-columns.ts';

/**
 * After a scan is interpreted: finds the OCR reading of every cell of tables 三 and 四 (through
 * the rows' provenance, page and line), lets the arithmetic proofreader repair or blank the
 * doubtful ones, and adds its findings and the scan summary to the result.
 */
export function proofreadScan(
  doc: SourceDocument,
  result: IngestResult,
): IngestResult & { scan?: ScanSummary } {
  if (!doc.scan) return result;
  const readings = cellReadings(doc.lines, result.report);
  const proofread = proofreadOcrCells(result.report, readings);
  const table2 = table2Doubts(doc.lines, result.report);
  const report = {
    ...proofread.report,
    provenance: { ...(proofread.report.provenance ?? {}), ...table2.provenance },
  };
  return {
    ...result,
    report,
    findings: [...result.findings, ...proofread.findings, ...table2.findings],
    scan: {
      pages: doc.scan.pages,
      meanConfidence: doc.scan.meanConfidence,
      cellsRead: readings.length,
      cellsCorrected: proofread.corrected.length,
      cellsUnreadable: proofread.unreadable.length,
    },
  };
}

/**
 * Table 二 read from a scan: no identity checks its cells, so each count read with low confidence is
 * named for the reader to compare with the paper (its value is kept, OCR-03), and each cell the
 * reader could not trust in its place (UNREADABLE_CELL, count-columns.ts) is blank with OCR-02 and
 * its provenance saying so, so that T2-01 does not blame the agency for it.
 */
function table2Doubts(
  lines: readonly SourceLine[],
  report: Report,
): { findings: Finding[]; provenance: Record<string, SourceRef> } {
  const byPlace = new Map<string, SourceLine>();
  for (const line of lines) if (line.confidence) byPlace.set(`${line.page}:${line.line}`, line);
  const findings: Finding[] = [];
  const provenance: Record<string, SourceRef> = {};
  for (const { key, label, columns } of TABLE2_ROWS) {
    const ref = report.provenance?.[`table2.${key}`];
    const line = ref ? byPlace.get(`${ref.page}:${ref.line}`) : undefined;
    if (!line?.confidence) continue;
    const page = line.page ?? 1;
    const columnOf = (i: number) => (columns.length > 1 ? columns[i]! : '');
    if (line.cells.length === 1 + columns.length) {
      line.cells.slice(1).forEach((text, i) => {
        if (text !== UNREADABLE_CELL || tableTwoValue(report, key, i) !== null) return;
        const source = unreadableSourceRef(page);
        provenance[`table2.${key}[${i}]`] = source;
        findings.push(
          unreadableCellFinding(
            { table: '表二', row: label, column: columnOf(i) },
            { page, text, confidence: 0 },
            { table: 'table2', rowLabel: label, source },
          ),
        );
      });
    }
    const values = line.cells.flatMap((text, i) =>
      readValue(text)?.kind === 'number' ? [{ text, confidence: line.confidence![i] ?? 100 }] : [],
    );
    values.slice(-columns.length).forEach((v, i) => {
      if (v.confidence >= LOW_OCR_CONFIDENCE) return;
      findings.push(
        uncheckedFinding(
          { table: '表二', row: label, column: columnOf(i) },
          { page, text: v.text, confidence: v.confidence },
          { table: 'table2', rowLabel: label, source: { page, text: `OCR，第${page}页：识别为“${v.text}”` } },
        ),
      );
    });
  }
  return { findings, provenance };
}

/** The i-th value of a table-二 row as read. */
function tableTwoValue(report: Report, key: (typeof TABLE2_ROWS)[number]['key'], i: number): Cell {
  const row = report.table2[key];
  if (row === null || typeof row !== 'object') return row;
  return [row.issued, row.repealed, row.inForce][i] ?? null;
}

function cellReadings(lines: readonly SourceLine[], report: Report): OcrCellReading[] {
  const byPlace = new Map<string, SourceLine>();
  for (const line of lines) if (line.confidence) byPlace.set(`${line.page}:${line.line}`, line);
  const provenance = report.provenance ?? {};
  const readings: OcrCellReading[] = [];
  const add = (table: 'table3' | 'table4', rows: readonly string[], source: string, values: Cell[]) => {
    const ref = provenance[source];
    const line = ref ? byPlace.get(`${ref.page}:${ref.line}`) : undefined;
    if (!line?.confidence) return;
    const at = valuesAt(line.cells, values);
    if (at < 0) {
      // A row with cells the reader could not trust in their place (UNREADABLE_CELL): its blank cells are unreadable.
      if (!line.cells.includes(UNREADABLE_CELL)) return;
      values.forEach((v, i) => {
        if (v !== null) return;
        const row = rows.length === 1 ? rows[0]! : rows[Math.floor(i / 5)]!;
        const column = rows.length === 1 ? i : i % 5;
        readings.push({
          cell: { table, row, column },
          text: UNREADABLE_CELL,
          confidence: 0,
          page: line.page ?? 1,
        });
      });
      return;
    }
    values.forEach((_, i) => {
      const text = line.cells[at + i]!;
      if (text === '') return;
      const row = rows.length === 1 ? rows[0]! : rows[Math.floor(i / 5)]!;
      const column = rows.length === 1 ? i : i % 5;
      readings.push({
        cell: { table, row, column },
        text,
        confidence: line.confidence![at + i] ?? 100,
        page: line.page ?? 1,
      });
    });
  };
  for (const key of TABLE3_ROW_KEYS) add('table3', [key], `table3.${key}`, report.table3[key]);
  add(
    'table4',
    TABLE4_GROUP_KEYS,
    'table4.review',
    TABLE4_GROUP_KEYS.flatMap((g) => report.table4[g]),
  );
  return readings;
}

/** Where in a line's cells the values stand (the last place they all match), or -1. */
function valuesAt(cells: readonly string[], values: readonly Cell[]): number {
  for (let at = cells.length - values.length; at >= 0; at -= 1) {
    const matches = values.every((v, i) => {
      const token = readValue(cells[at + i]!);
      if (token === null) return false;
      return token.kind === 'number' ? token.value === v : v === null;
    });
    if (matches) return at;
  }
  return -1;
}
