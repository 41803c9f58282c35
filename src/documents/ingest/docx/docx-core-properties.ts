import type { DocumentProperty } from '../source-document.ts';

/** The core properties that can date a report (ISO 8601 in W3CDTF, e.g. 2025-01-20T08:31:00Z). */
const DATES = ['dcterms:created', 'dcterms:modified'] as const;

/**
 * The creation and modification dates of docProps/core.xml. They date the file, not the
 * publication (a template copied from last year keeps its created date), so the interpreter uses
 * them only when nothing else dates the report, and says so.
 */
export function readCoreProperties(xml: string): DocumentProperty[] {
  const properties: DocumentProperty[] = [];
  for (const name of DATES) {
    const m = new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(xml);
    if (m?.[1]?.trim()) properties.push({ name, value: m[1].trim(), from: 'docx-core' });
  }
  return properties;
}
