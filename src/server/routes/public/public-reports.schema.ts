import { z } from 'zod';
import { scanSchema } from '../common.schema.ts';

/** Schemas of the public annual-report routes: published reports of a region and its statistics by year. */

const regionCode = z.string().min(1).max(20).describe('行政区划代码');
const year = z.coerce.number().int().min(2008).max(2100);
const countSchema = z.number().nullable();

export const regionParams = z.object({ code: regionCode });
export const publishedListQuery = z.strictObject({ year });
export const reportDocumentParams = z.object({ reportId: z.string().min(1).max(100) });
export const reportDocumentQuery = z.strictObject({
  format: z.enum(['html', 'docx', 'pdf', 'md'], { error: '格式应为 html、docx、pdf 或 md' }).default('html'),
});
export const statisticsQuery = z.strictObject({
  from: year,
  to: year,
  format: z.enum(['json', 'csv'], { error: '格式应为 json 或 csv' }).default('json'),
});

export const publishedListResponse = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  items: z.array(
    z.object({
      reportId: z.string(),
      agencyName: z.string(),
      version: z.number(),
      publishedOn: z.string().nullable(),
      scan: scanSchema,
    }),
  ),
});

export const statisticsResponse = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  years: z.array(
    z.object({
      year: z.number(),
      reports: z.number(),
      received: z.array(z.object({ type: z.string(), label: z.string(), count: countSchema })),
      receivedTotal: countSchema,
      outcomes: z.array(z.object({ key: z.string(), label: z.string(), count: countSchema })),
      concluded: countSchema,
    }),
  ),
});
