/**
 * Test support for the html, docx and pdf readers (imported by their *.test.ts only): the
 * generated documents of test/fixtures/documents/ (listed in manifest.json, each with the
 * `gongkai-report/1` truth of what it prints) and a plain way to find a printed table row.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { SourceDocument, SourceLine } from '../../src/documents/ingest/source-document.ts';

const FIXTURES = new URL('../fixtures/documents/', import.meta.url);

export interface FixtureDocument {
  file: string;
  truth: string;
  format: 'html' | 'docx' | 'pdf';
}

type Cells = (number | null)[];

/** The parts of a truth file these tests read. */
export interface FixtureTruth {
  title: string;
  sections: Record<string, unknown>;
  table2: {
    regulations: { issued: number | null; repealed: number | null; inForce: number | null };
    normativeDocuments: { issued: number | null; repealed: number | null; inForce: number | null };
    licensing: number | null;
    punishment: number | null;
    coercion: number | null;
    feesWanYuan: number | null;
  };
  table3: Record<string, Cells | null>;
  table4: { review: Cells; litigationDirect: Cells; litigationAfterReview: Cells };
  extras: {
    cells: { table: string; row: string | null; position: number; value: number | null }[];
    rows: { table: string; label: string; values: Cells }[];
  };
}

/** The fixture documents of one format; empty when the fixtures have not been generated. */
export function fixtureDocuments(format: FixtureDocument['format']): FixtureDocument[] {
  const manifest = new URL('manifest.json', FIXTURES);
  if (!existsSync(manifest)) return [];
  const { documents } = JSON.parse(readFileSync(manifest, 'utf8')) as { documents: FixtureDocument[] };
  return documents.filter((document) => document.format === format);
}

/** Bad inputs (file → expected reason) of bad-inputs.json; empty when absent. */
export function badInputs(): Record<string, string> {
  const index = new URL('bad-inputs.json', FIXTURES);
  return existsSync(index) ? (JSON.parse(readFileSync(index, 'utf8')) as Record<string, string>) : {};
}

export function readFixture(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(file, FIXTURES)));
}

export function loadTruth(document: FixtureDocument): FixtureTruth {
  return JSON.parse(readFileSync(new URL(document.truth, FIXTURES), 'utf8')) as FixtureTruth;
}

/** How each table-三 row key is recognised in its printed label (cells joined, spaces removed). */
export const TABLE3_LABELS: [string, RegExp][] = [
  ['newReceived', /本年新收/],
  ['carriedOver', /上年结转/],
  ['granted', /予以公开/],
  ['partial', /部分公开/],
  ['denied.stateSecret', /国家秘密/],
  ['denied.lawForbidden', /禁止公开/],
  ['denied.threeSafetyOneStability', /三安全一稳定/],
  ['denied.thirdParty', /第三方合法权益/],
  ['denied.internalAffairs', /内部事务/],
  ['denied.processInfo', /过程性信息/],
  ['denied.enforcementFile', /执法案卷/],
  ['denied.adminQuery', /行政查询/],
  ['unable.notHeld', /不掌握/],
  ['unable.needCreation', /另行制作/],
  ['unable.stillUnclear', /仍不明确/],
  ['notProcessed.petition', /信访举报/],
  ['notProcessed.repeat', /重复申请/],
  ['notProcessed.publication', /公开出版物/],
  ['notProcessed.massive', /大量反复/],
  ['notProcessed.confirmOrReissue', /重新出具/],
  ['other.noCorrection', /逾期不补正/],
  ['other.noFee', /缴纳费用/],
  ['other.other', /3\.?其他$/],
  ['totalConcluded', /[（(]七[)）]/],
  ['carriedForward', /结转下年度/],
];

/** A printed value cell: a number, or blank / "/" / dash (null). */
function isValueCell(text: string): boolean {
  return /^\s*(\d+(\.\d+)?|\/|－|-|—)?\s*$/.test(text);
}

export interface PrintedRow {
  line: SourceLine;
  label: string;
  values: Cells;
}

/** A table line split into its label (leading cells) and trailing value cells. */
export function printedRow(line: SourceLine): PrintedRow {
  let start = line.cells.length;
  while (start > 0 && isValueCell(line.cells[start - 1]!)) start -= 1;
  return {
    line,
    label: line.cells.slice(0, start).join('').replace(/\s/g, ''),
    values: line.cells.slice(start).map((cell) => (/^\s*\d/.test(cell) ? Number(cell) : null)),
  };
}

/** The first table line at or after `from` whose label matches and that has at least `minValues` value cells. */
export function findRow(
  document: SourceDocument,
  label: RegExp,
  minValues: number,
  from = 0,
): { index: number; row: PrintedRow } | null {
  for (let index = from; index < document.lines.length; index += 1) {
    const line = document.lines[index]!;
    if (!line.inTable) continue;
    const row = printedRow(line);
    if (label.test(row.label) && row.values.length >= minValues) return { index, row };
  }
  return null;
}

/** What a truth row looks like printed: the official cells with extra cells inserted at their 1-based position. */
export function printedCells(
  truth: FixtureTruth,
  table: 'table3' | 'table4',
  row: string | null,
  official: Cells,
): Cells {
  const cells = [...official];
  const extras = truth.extras.cells.filter((cell) => cell.table === table && cell.row === row);
  for (const extra of [...extras].sort((a, b) => a.position - b.position))
    cells.splice(extra.position - 1, 0, extra.value);
  return cells;
}

/** The text of a document outside tables, whitespace removed, lines joined as printed. */
export function paragraphText(document: SourceDocument): string {
  return document.lines
    .filter((line) => !line.inTable)
    .map((line) => line.cells.join(''))
    .join('')
    .replace(/\s/g, '');
}

/** The printed paragraphs of the truth's sections (section texts are paragraphs joined with "\n"). */
export function truthParagraphs(truth: FixtureTruth): string[] {
  const paragraphs: string[] = [];
  for (const section of Object.values(truth.sections)) {
    const text = typeof section === 'string' ? section : (section as { text?: unknown } | null)?.text;
    if (typeof text === 'string')
      paragraphs.push(...text.split('\n').filter((paragraph) => paragraph.trim() !== ''));
  }
  return paragraphs;
}

/**
 * Compares what a reader produced with the truth of the document and lists every difference
 * (empty when all match): the table-三 rows in order with their printed cells, extra printed
 * rows, the table-四 data row and the table-二 values.
 */
export function compareWithTruth(document: SourceDocument, truth: FixtureTruth): string[] {
  const problems: string[] = [];
  let from = 0;
  let lastTable3 = 0;
  for (const [key, label] of TABLE3_LABELS) {
    const official = truth.table3[key];
    if (!official || official.every((value) => value === null)) continue;
    const expected = printedCells(truth, 'table3', key, official);
    const found = findRow(document, label, 5, from);
    if (!found) {
      problems.push(`table3 ${key}: no printed row`);
      continue;
    }
    from = found.index + 1;
    lastTable3 = found.index;
    if (!sameCells(found.row.values, expected)) {
      problems.push(
        `table3 ${key}: ${JSON.stringify(found.row.values)} instead of ${JSON.stringify(expected)}`,
      );
    }
  }
  for (const extra of truth.extras.rows.filter((row) => row.table === 'table3')) {
    const label = new RegExp(escapeRegExp(extra.label.split(/\s+/).at(-1)!));
    const matches = document.lines.filter((line) => {
      const row = printedRow(line);
      return line.inTable && label.test(row.label) && sameCells(row.values, extra.values);
    });
    if (matches.length === 0)
      problems.push(`table3 extra row ${extra.label}: not printed as ${JSON.stringify(extra.values)}`);
  }
  const table4 = [
    ...truth.table4.review,
    ...truth.table4.litigationDirect,
    ...truth.table4.litigationAfterReview,
  ];
  const expected4 = printedCells(truth, 'table4', null, table4);
  const row4 = findRow(document, /^$/, 15, lastTable3 + 1);
  if (!row4) problems.push('table4: no row of 15 values');
  else if (!sameCells(row4.row.values, expected4)) {
    problems.push(`table4: ${JSON.stringify(row4.row.values)} instead of ${JSON.stringify(expected4)}`);
  }
  const { regulations, normativeDocuments } = truth.table2;
  const table2: [RegExp, Cells][] = [
    [/^规章$/, [regulations.issued, regulations.repealed, regulations.inForce]],
    [
      /^行政规范性文件$/,
      [normativeDocuments.issued, normativeDocuments.repealed, normativeDocuments.inForce],
    ],
    [/^行政许可$/, [truth.table2.licensing]],
    [/^行政处罚$/, [truth.table2.punishment]],
    [/^行政强制$/, [truth.table2.coercion]],
    [/^行政事业性收费$/, [truth.table2.feesWanYuan]],
  ];
  for (const [label, values] of table2) {
    const found = findRow(document, label, values.length);
    if (!found) problems.push(`table2 ${label.source}: no printed row`);
    else if (!sameCells(found.row.values.slice(0, values.length), values)) {
      problems.push(
        `table2 ${label.source}: ${JSON.stringify(found.row.values)} instead of ${JSON.stringify(values)}`,
      );
    }
  }
  return problems;
}

/** Truth paragraphs and title that cannot be found in the text outside tables. */
export function missingParagraphs(document: SourceDocument, truth: FixtureTruth): string[] {
  const text = paragraphText(document);
  const expected = [truth.title, ...truthParagraphs(truth)];
  return expected.filter((paragraph) => !text.includes(paragraph.replace(/\s/g, '')));
}

/**
 * Equal cells, allowing empty cells after the expected ones: a ragged row may be padded with a
 * real empty cell (LibreOffice's HTML import fills the grid of a DOCX table that way).
 */
function sameCells(actual: Cells, expected: Cells): boolean {
  const padding = actual.slice(expected.length);
  return (
    actual.length >= expected.length &&
    expected.every((value, index) => value === actual[index]) &&
    padding.every((value) => value === null)
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
