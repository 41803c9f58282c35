import type { Paragraph } from 'docx';
import type { Report } from '../../core/report/schema.ts';
import { table2Grid, table3Grid, table4Grid } from '../../core/report/table-grids.ts';
import { bodyParagraph, headingParagraph, packA4Docx, titleParagraph } from './docx-style.ts';
import { docxTable } from './docx-table.ts';
import { APPENDIX_CAPTION, APPENDIX_EMPTY, appendixGrid, type RenderOptions } from './findings-appendix.ts';
import { reportTitle, type SectionBody, sectionPlan } from './report-outline.ts';

type Block = Paragraph | ReturnType<typeof docxTable>;

function bodyBlocks(report: Report, body: SectionBody): Block[] {
  switch (body.kind) {
    case 'narrative':
      return body.blocks.map((b) =>
        b.kind === 'heading' ? headingParagraph(b.text, 'subheading') : bodyParagraph(b.text, b.lead),
      );
    case 'table2':
      return [docxTable(table2Grid(report), { keepTogether: true })];
    case 'table3':
      return [docxTable(table3Grid(report), { keepLastRows: 3 })];
    case 'table4':
      return [docxTable(table4Grid(report), { keepTogether: true })];
  }
}

function appendixBlocks(options: RenderOptions): Block[] {
  if (!options.findings) return [];
  const grid = appendixGrid(options.findings);
  const caption = headingParagraph(APPENDIX_CAPTION, 'caption', { pageBreakBefore: true, indent: false });
  return [caption, grid ? docxTable(grid) : bodyParagraph(APPENDIX_EMPTY)];
}

/**
 * The report as a Word document laid out like a 公文 on A4: the six sections with their exact
 * captions, tables 二/三/四 as on the official form with real merged cells. Opens in Word, WPS and
 * LibreOffice. `report.extras` (cells beyond the format) are not rendered; a blank cell stays blank.
 */
export async function renderDocx(report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
  const title = reportTitle(report);
  const children: Block[] = [titleParagraph([title.agency, title.name])];
  for (const section of sectionPlan(report)) {
    children.push(headingParagraph(section.caption, 'caption'), ...bodyBlocks(report, section.body));
  }
  children.push(...appendixBlocks(options));
  return packA4Docx(title.full, report.agency, children);
}
