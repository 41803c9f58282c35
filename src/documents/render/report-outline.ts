import { SECTION_CAPTIONS } from '../../core/report/labels.ts';
import type { Report } from '../../core/report/schema.ts';

/** The title block: agency on the first line, "2023年政府信息公开工作年度报告" on the second. */
export interface ReportTitle {
  agency: string;
  name: string;
  /** Both lines as one string, for a page title or a file's metadata. */
  full: string;
}

/**
 * The title is rebuilt from agency and year rather than copied from `report.title`, which keeps
 * whatever the source document printed (stray spaces from extraction, non-standard wording).
 */
export function reportTitle(report: Report): ReportTitle {
  const name = `${report.year}年政府信息公开工作年度报告`;
  return { agency: report.agency, name, full: `${report.agency}${name}` };
}

/**
 * A narrative paragraph. `heading`: a line of its own like "（一）主动公开" (printed as a
 * sub-heading). `lead`: a run-in heading that starts a paragraph, e.g. "1.积极开展政策解读。"
 * (printed in bold, the rest of the paragraph follows in body type).
 */
export type NarrativeBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; lead: string; text: string };

const SUBHEADING = /^（[一二三四五六七八九十]+）/;
const NUMBERED = /^(（[一二三四五六七八九十]+）|\d{1,2}[.、．](?!\d))/;
const MAX_HEADING_CHARS = 40;
const MAX_LEAD_CHARS = 30;

/** Splits a section's text on '\n'; empty lines are dropped. */
export function narrativeBlocks(text: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const stop = line.indexOf('。');
    if (
      SUBHEADING.test(line) &&
      line.length <= MAX_HEADING_CHARS &&
      (stop === -1 || stop === line.length - 1)
    ) {
      blocks.push({ kind: 'heading', text: line });
    } else if (NUMBERED.test(line) && stop > 0 && stop < MAX_LEAD_CHARS) {
      blocks.push({ kind: 'paragraph', lead: line.slice(0, stop + 1), text: line.slice(stop + 1) });
    } else {
      blocks.push({ kind: 'paragraph', lead: '', text: line });
    }
  }
  return blocks;
}

export type SectionBody =
  | { kind: 'narrative'; blocks: NarrativeBlock[] }
  | { kind: 'table2' }
  | { kind: 'table3' }
  | { kind: 'table4' };

export interface SectionPlan {
  caption: (typeof SECTION_CAPTIONS)[number];
  body: SectionBody;
}

/** The six sections of the format, in order, with their exact captions. */
export function sectionPlan(report: Report): SectionPlan[] {
  const [overview, table2, table3, table4, problems, other] = SECTION_CAPTIONS;
  return [
    { caption: overview, body: { kind: 'narrative', blocks: narrativeBlocks(report.sections.overview) } },
    { caption: table2, body: { kind: 'table2' } },
    { caption: table3, body: { kind: 'table3' } },
    { caption: table4, body: { kind: 'table4' } },
    { caption: problems, body: { kind: 'narrative', blocks: narrativeBlocks(report.sections.problems) } },
    { caption: other, body: { kind: 'narrative', blocks: narrativeBlocks(report.sections.other) } },
  ];
}
