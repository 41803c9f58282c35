import { describeScan } from '../../core/report/scan-source.ts';
import type { Report } from '../../core/report/schema.ts';
import { table2Grid, table3Grid, table4Grid } from '../../core/report/table-grids.ts';
import { escapeHtml } from './escape-html.ts';
import { APPENDIX_CAPTION, APPENDIX_EMPTY, appendixGrid, type RenderOptions } from './findings-appendix.ts';
import { REPORT_CSS } from './html-style.ts';
import { tableHtml } from './html-table.ts';
import { type NarrativeBlock, reportTitle, type SectionBody, sectionPlan } from './report-outline.ts';

function blockHtml(block: NarrativeBlock): string {
  if (block.kind === 'heading') return `<h3>${escapeHtml(block.text)}</h3>`;
  const lead = block.lead ? `<strong>${escapeHtml(block.lead)}</strong>` : '';
  return `<p>${lead}${escapeHtml(block.text)}</p>`;
}

function bodyHtml(report: Report, body: SectionBody): string {
  switch (body.kind) {
    case 'narrative':
      return body.blocks.map(blockHtml).join('\n');
    case 'table2':
      return tableHtml(table2Grid(report));
    case 'table3':
      return tableHtml(table3Grid(report));
    case 'table4':
      return tableHtml(table4Grid(report));
  }
}

function appendixHtml(options: RenderOptions): string {
  if (!options.findings) return '';
  const grid = appendixGrid(options.findings);
  const content = grid ? tableHtml(grid) : `<p>${escapeHtml(APPENDIX_EMPTY)}</p>`;
  return `<section class="gk-appendix"><h2>${escapeHtml(APPENDIX_CAPTION)}</h2>\n${content}</section>\n`;
}

/**
 * A self-contained page (one inline stylesheet, no external resource, no script) that can be
 * pasted into a government CMS or printed on A4. Every text is escaped. Cells a source document
 * printed beyond the format (`report.extras`) are not rendered: the tables are the official form.
 */
export function renderHtml(report: Report, options: RenderOptions = {}): string {
  const title = reportTitle(report);
  const sections = sectionPlan(report)
    .map(
      (s) =>
        `<section class="gk-section"><h2>${escapeHtml(s.caption)}</h2>\n${bodyHtml(report, s.body)}</section>`,
    )
    .join('\n');
  return htmlPage(
    title.full,
    REPORT_CSS,
    `<article class="gk-report">
<h1 class="gk-title"><span>${escapeHtml(title.agency)}</span><span>${escapeHtml(title.name)}</span></h1>
${scanNoteHtml(options)}${sections}
${appendixHtml(options)}</article>
`,
  );
}

/** The scan note under the title of a report read from a scan, else nothing. */
function scanNoteHtml(options: RenderOptions): string {
  return options.scan ? `<p class="gk-scan-note">${escapeHtml(describeScan(options.scan))}</p>\n` : '';
}

/**
 * A self-contained zh-CN page around `body` (which ends with a newline): one inline stylesheet,
 * no script, no external resource; the title is escaped here.
 */
export function htmlPage(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}</body>
</html>
`;
}
