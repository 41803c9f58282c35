/** Shapes of the table 二 sources' answers (normative documents, enforcement figures): the route schemas' output types. */
import type { z } from 'zod';
import type {
  documentSchema,
  figuresSchema,
  importFiguresResponse,
  table2Response,
} from '../../../server/routes/table2-sources/table2.schema.ts';

export type NormativeDocumentView = z.output<typeof documentSchema>;
export type Table2View = z.output<typeof table2Response>;
/** The enforcement figures of an agency-year (table 二's figures no register holds). */
export type FiguresView = z.output<typeof figuresSchema>;
export type ImportFiguresResult = z.output<typeof importFiguresResponse>;
