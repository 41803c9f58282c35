import { TABLE2_2019_ROW_LABELS, TABLE3_2019_OTHER_LABEL } from '../core/report/format-2019.ts';
import { TABLE2_LABELS as L } from '../core/report/labels.ts';
import type { Report, SourceRef } from '../core/report/schema.ts';
import type { MergedCarryForward } from '../core/rules/cross-rules.ts';
import { type Finding, sortFindings } from '../core/rules/finding.ts';
import { checkNarrative } from '../core/rules/narrative/check-narrative.ts';
import { type NarrativeParagraphs, paragraphsOfReport } from '../core/rules/narrative/narrative-input.ts';
import { validateReport } from '../core/rules/validate-report.ts';
import type { IngestResult } from './ingest/interpret/interpret-document.ts';

export interface CheckOptions {
  previous?: Report;
  /** The agencies merged into this one during the report's year, with last year's 结转 (Y-01). */
  merged?: readonly MergedCarryForward[];
}

const TABLE2_ROW_KEYS: Record<string, string> = {
  [L.regulations]: 'regulations',
  [L.normativeDocuments]: 'normativeDocuments',
  [L.licensing]: 'licensing',
  [L.punishment]: 'punishment',
  [L.coercion]: 'coercion',
  [L.fees]: 'feesWanYuan',
};

const TABLE2_2019_KEYS = new Map(
  Object.entries(TABLE2_2019_ROW_LABELS).map(([key, label]) => [label, `format2019.table2.${key}`]),
);

/** Where a validator finding's row was printed, from the report's provenance (keyed by row). */
function sourceFor(finding: Finding, report: Report): SourceRef | undefined {
  const provenance = report.provenance ?? {};
  const { table, rowKey, rowLabel } = finding.location;
  if (report.format2019 && table === 'table2') {
    const path = TABLE2_2019_KEYS.get(rowLabel ?? '');
    return path ? provenance[path] : undefined;
  }
  if (report.format2019 && table === 'table3' && rowLabel === TABLE3_2019_OTHER_LABEL) {
    return provenance['format2019.otherHandling'];
  }
  if (table === 'table2') {
    const row = TABLE2_ROW_KEYS[rowLabel ?? ''];
    return row ? provenance[`table2.${row}`] : undefined;
  }
  if (table === 'table3' && rowKey) return provenance[`table3.${rowKey}`];
  if (table === 'table4') return provenance['table4.review'];
  return undefined;
}

/** The rules whose findings say a cell is blank: the reader uses them for the rows it left blank. */
const BLANK_CELL_RULES = new Set(['T2-01', 'T3-04', 'T4-04']);
const rowOf = (f: Finding) =>
  `${f.ruleId}@${f.location.table ?? ''}:${f.location.rowKey ?? f.location.rowLabel ?? ''}`;
const tableOf = (f: Finding) => `${f.ruleId}@${f.location.table ?? ''}:*`;

/**
 * Every rule over a report: the data rules, the narrative rules and, for a report read from a
 * document, the findings about the document itself. Findings about rows the document does not
 * print replace the "blank cell" findings of those rows, and the reader's finding about a group
 * printed as one row replaces the "extra row" finding of that row.
 */
export function checkReport(
  report: Report,
  ingest?: Pick<IngestResult, 'findings' | 'paragraphs' | 'missingRows' | 'mergedRows'> &
    Partial<Pick<IngestResult, 'scan'>>,
  options: CheckOptions = {},
): Finding[] {
  const paragraphs: NarrativeParagraphs = ingest?.paragraphs ?? paragraphsOfReport(report);
  const missing = new Set<string>(ingest?.missingRows ?? []);
  const merged = new Set<string>(ingest?.mergedRows ?? []);
  const explained = new Set(
    (ingest?.findings ?? [])
      .filter((f) => BLANK_CELL_RULES.has(f.ruleId))
      .map((f) => (f.location.rowKey || f.location.rowLabel ? rowOf(f) : tableOf(f))),
  );
  const data = validateReport(report, {
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.merged ? { merged: options.merged } : {}),
  }).filter(
    (f) =>
      !(f.ruleId === 'T3-04' && f.location.rowKey && missing.has(f.location.rowKey)) &&
      // A group printed as one row: the reader's one finding replaces "an extra row".
      !(f.ruleId === 'T3-05' && !f.location.rowKey && merged.has(f.location.rowLabel ?? '')) &&
      // A row (or table 四) the reader left blank, saying why (digits it could not split, a table it
      // could not find): its finding replaces the checker's "blank cell" findings there, which would
      // blame the agency for blanks it did not print.
      !(explained.has(rowOf(f)) || explained.has(tableOf(f))),
  );
  for (const f of data) {
    if (f.location.source) continue;
    const source = sourceFor(f, report);
    if (source) f.location = { ...f.location, source };
  }
  return sortFindings([
    ...(ingest?.findings ?? []),
    ...data,
    ...checkNarrative(report, paragraphs, { scanned: ingest?.scan !== undefined }),
  ]);
}
