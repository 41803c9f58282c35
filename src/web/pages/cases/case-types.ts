/** Shapes of the review cases' answers (行政复议、行政诉讼, table 四): the route schemas' output types. */
import type { z } from 'zod';
import type { caseSchema, table4Response } from '../../../server/routes/cases/cases.schema.ts';

export type CaseRecordView = z.output<typeof caseSchema>;
export type Table4View = z.output<typeof table4Response>;
