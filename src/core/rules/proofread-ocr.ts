import {
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  type Table3RowKey,
  type Table4GroupKey,
  table3FullLabel,
} from '../report/labels.ts';
import type { Cell, Report, SourceRef } from '../report/schema.ts';
import type { Finding } from './finding.ts';
import { violation } from './make-finding.ts';
import { alternativeReadings, DIGITS } from './ocr-slips.ts';
import {
  type CellAddress,
  cellKey,
  cellValue,
  type Identity,
  REPORT_IDENTITIES,
} from './report-identities.ts';
import { type JointGroup, solveCellsJointly } from './solve-cells-jointly.ts';

/**
 * The arithmetic proofreader of scanned reports (issue 18): a cell read by OCR with low confidence
 * that breaks an identity it takes part in is replaced by the one alternative reading (a
 * confusable digit, a digit dropped or added) that makes every identity of the cell hold, or left
 * blank when there is no such reading or more than one. Doubtful cells that no single repair
 * mends, and cells OCR could not read at all, are then solved jointly by the groups that share
 * identities (solve-cells-jointly.ts): the one combination of the fewest slips that makes every
 * identity hold is used, several leave the cells blank naming the candidates. Identities broken
 * by cells read with confidence are the report's own errors and are left for the validator.
 */

/**
 * The text a scan reader gives a table cell it cannot trust in its place (two columns run
 * together, a count read as something else): read as a blank, reported as unreadable (OCR-02).
 */
export const UNREADABLE_CELL = '\uFFFD';

/** OCR confidence (0–100) below which a cell's reading is doubtful. */
export const LOW_OCR_CONFIDENCE = 85;

/** One table cell as OCR read it. */
export interface OcrCellReading {
  cell: CellAddress;
  /** The characters OCR recognised, '' for a cell with ink it could not read. */
  text: string;
  /** 0–100, as Tesseract reports it. */
  confidence: number;
  /** 1-based page of the scan. */
  page: number;
}

export interface OcrCorrection {
  reading: OcrCellReading;
  value: number;
  /** The other doubtful cells corrected with it when only their combination repairs the identities. */
  jointWith?: OcrCellReading[];
}

export interface ProofreadResult {
  /** The report with corrected cells set and unreadable cells blank (null). */
  report: Report;
  corrected: OcrCorrection[];
  unreadable: OcrCellReading[];
  /** OCR-01 (info) per corrected cell, OCR-02 (warning) per unreadable cell. */
  findings: Finding[];
}

function identitiesByCell(): Map<string, Identity[]> {
  const index = new Map<string, Identity[]>();
  for (const identity of REPORT_IDENTITIES) {
    for (const term of identity.terms) {
      const key = cellKey(term.cell);
      index.set(key, [...(index.get(key) ?? []), identity]);
    }
  }
  return index;
}

const BY_CELL = identitiesByCell();

/** Whether the identity holds with the current values (false when a cell is blank: not shown to hold). */
function holds(identity: Identity, value: (cell: CellAddress) => Cell): boolean {
  let sum = 0;
  for (const term of identity.terms) {
    const v = value(term.cell);
    if (v === null) return false;
    sum += term.coefficient * v;
  }
  return sum === 0;
}

function broken(identity: Identity, value: (cell: CellAddress) => Cell): boolean {
  let sum = 0;
  for (const term of identity.terms) {
    const v = value(term.cell);
    if (v === null) return false;
    sum += term.coefficient * v;
  }
  return sum !== 0;
}

export function proofreadOcrCells(report: Report, readings: readonly OcrCellReading[]): ProofreadResult {
  const values = new Map<string, Cell>();
  const value = (cell: CellAddress): Cell => {
    const key = cellKey(cell);
    return values.has(key) ? values.get(key)! : cellValue(report, cell);
  };
  const corrected: OcrCorrection[] = [];
  let unreadable: OcrCellReading[] = readings.filter(
    (r) => r.text !== '' && !DIGITS.test(r.text) && value(r.cell) === null,
  );
  const doubtful = readings.filter((r) => r.confidence < LOW_OCR_CONFIDENCE && DIGITS.test(r.text));
  const settled = new Set<OcrCellReading>();
  /** The values each doubtful cell of an ambiguous group takes in the combinations that fit. */
  const candidates = new Map<OcrCellReading, number[]>();
  // Repairs can unblock each other (two doubtful cells in different identities of one row).
  for (let pass = 0, changed = true; changed && pass < 5; pass += 1) {
    changed = false;
    const options = new Map<OcrCellReading, { repairs: number[]; broken: Identity[] }>();
    for (const reading of doubtful) {
      if (settled.has(reading)) continue;
      const key = cellKey(reading.cell);
      const identities = BY_CELL.get(key) ?? [];
      const brokenHere = identities.filter((identity) => broken(identity, value));
      if (brokenHere.length === 0) continue;
      const repairs = alternativeReadings(reading.text).filter((candidate) =>
        identities.every((identity) =>
          holds(identity, (cell) => (cellKey(cell) === key ? candidate : value(cell))),
        ),
      );
      if (repairs.length > 0) options.set(reading, { repairs, broken: brokenHere });
    }
    for (const [reading, { repairs, broken: brokenHere }] of options) {
      // Another doubtful cell that could mend the same identity makes the choice a guess.
      const rival = [...options.entries()].some(
        ([other, o]) => other !== reading && o.broken.some((identity) => brokenHere.includes(identity)),
      );
      if (repairs.length !== 1 || rival) continue;
      values.set(cellKey(reading.cell), repairs[0]!);
      corrected.push({ reading, value: repairs[0]! });
      settled.add(reading);
      changed = true;
    }
    if (changed) continue;
    // No cell can be mended alone: search the doubtful cells that share identities together.
    const blank = unreadable.filter(
      (r) => !settled.has(r) && (BY_CELL.get(cellKey(r.cell)) ?? []).length > 1,
    );
    const blankKeys = new Set(blank.map((r) => cellKey(r.cell)));
    const suspect = (identity: Identity) =>
      broken(identity, value) || identity.terms.some((t) => blankKeys.has(cellKey(t.cell)));
    const open = doubtful.filter(
      (r) => !settled.has(r) && (BY_CELL.get(cellKey(r.cell)) ?? []).some(suspect),
    );
    for (const group of jointGroups([...open, ...blank], value)) {
      if (group.solutions.length !== 1 || !group.complete) {
        for (const [i, r] of group.readings.entries()) {
          candidates.set(r, [...new Set(group.solutions.map((s) => s[i]!))]);
        }
        continue;
      }
      const solution = group.solutions[0]!;
      const changedHere = group.readings.filter(
        (r, i) => !DIGITS.test(r.text) || solution[i] !== Number(r.text),
      );
      group.readings.forEach((r, i) => {
        settled.add(r);
        if (!changedHere.includes(r)) return;
        values.set(cellKey(r.cell), solution[i]!);
        corrected.push({ reading: r, value: solution[i]!, jointWith: changedHere.filter((o) => o !== r) });
      });
      if (changedHere.length > 0) changed = true;
    }
  }
  unreadable = unreadable.filter((r) => !settled.has(r));
  for (const reading of doubtful) {
    if (settled.has(reading)) continue;
    const identities = BY_CELL.get(cellKey(reading.cell)) ?? [];
    // A reading an identity confirms is kept: the identity it breaks holds another wrong cell
    // (a column broken by one misread count does not blank every doubtful cell of the column).
    if (identities.some((identity) => holds(identity, value))) continue;
    if (identities.some((identity) => broken(identity, value))) unreadable.push(reading);
  }
  for (const reading of unreadable) values.set(cellKey(reading.cell), null);
  // A doubtful reading no identity confirms (none holds with it: blank neighbours) is kept, but named.
  const unchecked = doubtful.filter(
    (r) =>
      !settled.has(r) &&
      !unreadable.includes(r) &&
      !(BY_CELL.get(cellKey(r.cell)) ?? []).some((identity) => holds(identity, value)),
  );
  const sources = new Map<string, SourceRef>();
  for (const { reading, value: v } of corrected) {
    sources.set(cellKey(reading.cell), {
      page: reading.page,
      text: `OCR，按勾稽关系校正：${DIGITS.test(reading.text) ? `识别为“${reading.text}”` : '无法识别'}，校正为 ${v}`,
    });
  }
  for (const reading of unreadable) {
    sources.set(cellKey(reading.cell), { page: reading.page, text: unreadableSource(reading.page) });
  }
  return {
    report: withValues(report, values, sources),
    corrected,
    unreadable,
    findings: [
      ...corrected.map((c) => correctionFinding(c)),
      ...unreadable.map((r) => unreadableFinding(r, candidates.get(r))),
      ...unchecked.map((r) => uncheckedFinding(describeCell(r.cell), r, locationOf(r))),
    ],
  };
}

function unreadableSource(page: number): string {
  return `OCR，第${page}页：无法识别`;
}

/** The provenance of a cell the scan could not read on `page` (what unreadableInScan recognises). */
export function unreadableSourceRef(page: number): SourceRef {
  return { page, text: unreadableSource(page) };
}

/**
 * Whether a blank cell (a table 三/四 address, or a table 二 key “table2.regulations[0]”) is blank
 * because the scan could not be read there (OCR-02 says so), not
 * because the agency left it blank: the blank-cell rules (T3-04, T4-04) do not blame the agency for it.
 */
export function unreadableInScan(report: Report, cell: CellAddress | string): boolean {
  const source = report.provenance?.[typeof cell === 'string' ? cell : cellKey(cell)];
  return source?.page !== undefined && source.text === unreadableSource(source.page);
}

function withValues(report: Report, values: Map<string, Cell>, sources: Map<string, SourceRef>): Report {
  if (values.size === 0) return report;
  const table3 = Object.fromEntries(
    Object.entries(report.table3).map(([k, row]) => [k, [...row]]),
  ) as Report['table3'];
  const table4 = Object.fromEntries(
    Object.entries(report.table4).map(([k, row]) => [k, [...row]]),
  ) as Report['table4'];
  const provenance = { ...(report.provenance ?? {}) };
  for (const [key, v] of values) {
    const match = /^(table[34])\.(.+)\[(\d+)\]$/.exec(key)!;
    const rows = (match[1] === 'table3' ? table3 : table4) as Record<string, Cell[]>;
    rows[match[2]!]![Number(match[3])] = v;
  }
  for (const [key, source] of sources) provenance[key] = source;
  return { ...report, table3, table4, provenance };
}

/** “表三 “（三）不予公开 4.保护第三方合法权益”行 “自然人”列” as the reader names a cell. */
function describeCell(cell: CellAddress): { table: string; row: string; column: string } {
  if (cell.table === 'table3') {
    return {
      table: '表三',
      row: table3FullLabel(cell.row as Table3RowKey),
      column: TABLE3_COLUMNS[cell.column] ?? '',
    };
  }
  return {
    table: '表四',
    row: TABLE4_GROUP_LABELS[cell.row as Table4GroupKey],
    column: TABLE4_COLUMNS[cell.column] ?? '',
  };
}

function locationOf(reading: OcrCellReading) {
  const { row, column } = describeCell(reading.cell);
  return {
    table: reading.cell.table,
    ...(reading.cell.table === 'table3' ? { rowKey: reading.cell.row } : {}),
    rowLabel: row,
    columns: [column],
    source: { page: reading.page, text: `OCR，第${reading.page}页：识别为“${reading.text}”` },
  };
}

function readAs(reading: OcrCellReading): string {
  return DIGITS.test(reading.text)
    ? `识别为 ${reading.text}（置信度 ${Math.round(reading.confidence)}%），与勾稽关系不符`
    : '无法识别';
}

function correctionFinding({ reading, value, jointWith = [] }: OcrCorrection): Finding {
  const { table, row, column } = describeCell(reading.cell);
  const others = jointWith.map((o) => {
    const where = describeCell(o.cell);
    return `“${where.row}”行“${where.column}”列（${DIGITS.test(o.text) ? `识别为 ${o.text}` : '无法识别'}）`;
  });
  const how =
    others.length === 0
      ? `唯一符合全部勾稽关系的读法是 ${value}`
      : `与同表${others.join('、')}一并校正，唯一符合全部勾稽关系的组合中本格为 ${value}`;
  return violation(
    'OCR-01',
    `第${reading.page}页${table}“${row}”行“${column}”列：${readAs(reading)}；${how}，已按勾稽关系校正`,
    locationOf(reading),
  );
}

function unreadableFinding(reading: OcrCellReading, candidates?: readonly number[]): Finding {
  return unreadableCellFinding(describeCell(reading.cell), reading, locationOf(reading), candidates);
}

/**
 * The doubtful cells that no single repair mends, searched together by groups sharing identities:
 * each cell may be its own reading or one OCR slip away from it.
 */
function jointGroups(
  open: readonly OcrCellReading[],
  value: (cell: CellAddress) => Cell,
): (JointGroup & { readings: OcrCellReading[] })[] {
  const byKey = new Map(open.map((r) => [cellKey(r.cell), r]));
  const unknowns = open.map((r) => ({
    cell: r.cell,
    // A reading OCR gave no confidence at all is no evidence: where the identities can check it, the cell is solved as unread.
    candidates:
      DIGITS.test(r.text) && (r.confidence > 0 || (BY_CELL.get(cellKey(r.cell)) ?? []).length < 2)
        ? [Number(r.text), ...alternativeReadings(r.text)]
        : null,
  }));
  return solveCellsJointly(unknowns, (cell) => BY_CELL.get(cellKey(cell)) ?? [], value).map((group) => ({
    ...group,
    readings: group.unknowns.map((u) => byKey.get(cellKey(u.cell))!),
  }));
}

/** OCR-02: a cell the scan could not read, left blank; `where` names the table, row and column. */
export function unreadableCellFinding(
  where: { table: string; row: string; column: string },
  reading: Pick<OcrCellReading, 'page' | 'text' | 'confidence'>,
  location: Finding['location'],
  candidates?: readonly number[],
): Finding {
  const several =
    candidates && candidates.length > 1
      ? `，与同一勾稽关系中其他存疑单元格的读法组合不止一种（本格可能为 ${candidates.join('、')}）`
      : '';
  const read =
    reading.text === '' || reading.text === UNREADABLE_CELL
      ? ''
      : `（识别为“${reading.text}”，置信度 ${Math.round(reading.confidence)}%）`;
  const column = where.column === '' ? '' : `“${where.column}”列`;
  return violation(
    'OCR-02',
    `第${reading.page}页${where.table}“${where.row}”行${column}无法识别${read}${several}，按空白处理，请对照原件核对`,
    location,
  );
}

/**
 * OCR-03: a cell read with low confidence that no identity can confirm (table 二, or its
 * identities' other cells blank); `where` names the table, row and column as the reader sees them.
 */
export function uncheckedFinding(
  where: { table: string; row: string; column: string },
  reading: Pick<OcrCellReading, 'page' | 'text' | 'confidence'>,
  location: Finding['location'],
): Finding {
  const column = where.column === '' ? '' : `“${where.column}”列`;
  return violation(
    'OCR-03',
    `第${reading.page}页${where.table}“${where.row}”行${column}识别为 ${reading.text}，置信度 ${Math.round(reading.confidence)}%，没有勾稽关系可以核对，请对照原件核对`,
    location,
  );
}

/** What a report read from a scan says about its reading (shown as 扫描件 with its OCR confidence). */
export interface ScanSummary {
  pages: number;
  /** Mean OCR confidence (0–100) of every word and cell read. */
  meanConfidence: number;
  /** Table cells of tables 三 and 四 read by OCR. */
  cellsRead: number;
  /** Doubtful cells repaired by the identities (OCR-01). */
  cellsCorrected: number;
  /** Cells left blank because they could not be read reliably (OCR-02). */
  cellsUnreadable: number;
}
