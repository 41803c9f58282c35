/** Shapes of the records API's answers (disclosures, normative documents, cases): the route schemas' output types. */
import type { z } from 'zod';
import { DISCLOSURE_STEP_LABELS, type DisclosureStepInput } from '../../../core/disclosures/disclosure.ts';
import type { caseSchema, table4Response } from '../../../server/routes/cases/cases.schema.ts';
import type {
  disclosureListResponse,
  disclosureSchema,
} from '../../../server/routes/records/disclosures.schema.ts';
import type {
  documentSchema,
  figuresSchema,
  importFiguresResponse,
  table2Response,
} from '../../../server/routes/records/table2.schema.ts';

export type DisclosureView = z.output<typeof disclosureSchema>;
export type DisclosureStepView = DisclosureView['steps'][number];
export type DisclosureList = z.output<typeof disclosureListResponse>;
export type NormativeDocumentView = z.output<typeof documentSchema>;
export type CaseRecordView = z.output<typeof caseSchema>;
export type Table4View = z.output<typeof table4Response>;
export type Table2View = z.output<typeof table2Response>;
/** The enforcement figures of an agency-year (table 二's figures no register holds). */
export type FiguresView = z.output<typeof figuresSchema>;
export type ImportFiguresResult = z.output<typeof importFiguresResponse>;

/** What a recorded step is called; the schema types `type` as any string, the core knows five. */
export function disclosureStepLabel(type: string): string {
  return Object.hasOwn(DISCLOSURE_STEP_LABELS, type)
    ? DISCLOSURE_STEP_LABELS[type as DisclosureStepInput['type']]
    : type;
}
