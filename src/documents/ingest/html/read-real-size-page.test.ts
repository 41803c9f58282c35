import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../../test/support/generate-report.ts';
import { realSizePage } from '../../../../test/support/real-size-page.ts';
import { renderReport } from '../../render/render-report.ts';
import { readReportDocument } from '../read-document.ts';

/**
 * A report inside ~100 KB of agency-site page (head scripts and styles, a three-level menu, a
 * breadcrumb ending in the column name, sidebar, related and footer link lists, inline scripts
 * with markup in their strings): the furniture is read past, the report is read whole.
 */
describe('readReportDocument on a real-size agency page', () => {
  it.each([1, 2, 3])('reads report %i back from the page around it', async (seed) => {
    const report = generateValidReport(seed, { scale: 60 });
    const article = Buffer.from((await renderReport(report, 'html')).bytes).toString('utf8');
    const page = realSizePage(article, seed, '2025-01-20');
    expect(page.length).toBeGreaterThan(100_000);
    const { report: read } = await readReportDocument(Buffer.from(page), 'page.html');
    expect(read.title).toBe(report.title);
    expect(read.agency).toBe(report.agency);
    expect(read.year).toBe(report.year);
    expect(read.publishedOn).toBe('2025-01-20');
    expect([read.table2, read.table3, read.table4]).toEqual([report.table2, report.table3, report.table4]);
    expect(read.sections).toEqual(report.sections);
  });
});
