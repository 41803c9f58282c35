import { TABLE2_LABELS as L } from '../core/report/labels.ts';
import type { Report, SourceRef } from '../core/report/schema.ts';
import { type Finding, sortFindings } from '../core/rules/finding.ts';
import { checkNarrative } from '../core/rules/narrative/check-narrative.ts';
import { type NarrativeParagraphs, paragraphsOfReport } from '../core/rules/narrative/narrative-input.ts';
import { validateReport } from '../core/rules/validate-report.ts';
import type { IngestResult } from './ingest/interpret/interpret-document.ts';

export interface CheckOptions {
  previous?: Report;
}

const TABLE2_ROW_KEYS: Record<string, string> = {
  [L.regulations]: 'regulations',
  [L.normativeDocuments]: 'normativeDocuments',
  [L.licensing]: 'licensing',
  [L.punishment]: 'punishment',
  [L.coercion]: 'coercion',
  [L.fees]: 'feesWanYuan',
};

/** Where a validator finding's row was printed, from the report's provenance (keyed by row). */
function sourceFor(finding: Finding, provenance: Record<string, SourceRef>): SourceRef | undefined {
  const { table, rowKey, rowLabel } = finding.location;
  if (table === 'table2') {
    const row = TABLE2_ROW_KEYS[rowLabel ?? ''];
    return row ? provenance[`table2.${row}`] : undefined;
  }
  if (table === 'table3' && rowKey) return provenance[`table3.${rowKey}`];
  if (table === 'table4') return provenance['table4.review'];
  return undefined;
}

/**
 * Every rule over a report: the data rules, the narrative rules and, for a report read from a
 * document, the findings about the document itself. Findings about rows the document does not
 * print replace the "blank cell" findings of those rows, and the reader's finding about a group
 * printed as one row replaces the "extra row" finding of that row.
 */
export function checkReport(
  report: Report,
  ingest?: Pick<IngestResult, 'findings' | 'paragraphs' | 'missingRows' | 'mergedRows'>,
  options: CheckOptions = {},
): Finding[] {
  const paragraphs: NarrativeParagraphs = ingest?.paragraphs ?? paragraphsOfReport(report);
  const missing = new Set<string>(ingest?.missingRows ?? []);
  const merged = new Set<string>(ingest?.mergedRows ?? []);
  const data = validateReport(report, options.previous ? { previous: options.previous } : {}).filter(
    (f) =>
      !(f.ruleId === 'T3-04' && f.location.rowKey && missing.has(f.location.rowKey)) &&
      // A group printed as one row: the reader's one finding replaces "an extra row".
      !(f.ruleId === 'T3-05' && !f.location.rowKey && merged.has(f.location.rowLabel ?? '')),
  );
  const provenance = report.provenance ?? {};
  for (const f of data) {
    if (f.location.source) continue;
    const source = sourceFor(f, provenance);
    if (source) f.location = { ...f.location, source };
  }
  return sortFindings([...(ingest?.findings ?? []), ...data, ...checkNarrative(report, paragraphs)]);
}
