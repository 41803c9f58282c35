import { AppError } from '../../../core/errors.ts';
import { FORMAT_2019_MARKERS } from '../../../core/report/format-2019.ts';
import { SECTION_CAPTIONS, type Table3RowKey } from '../../../core/report/labels.ts';
import { REPORT_SCHEMA_ID, type Report, type SourceRef } from '../../../core/report/schema.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { violation } from '../../../core/rules/make-finding.ts';
import type { NarrativeParagraphs } from '../../../core/rules/narrative/narrative-input.ts';
import type { ScanSummary } from '../../../core/rules/proofread-ocr.ts';
import type { SourceDocument, SourceLine } from '../source-document.ts';
import { readFormat2019 } from './format-2019-reading.ts';
import { joinParagraphs } from './paragraphs.ts';
import { emptyTable2, readTable2 } from './read-table2.ts';
import { readTable3 } from './read-table3.ts';
import { readTable4 } from './read-table4.ts';
import {
  agencyFromInfoBlock,
  agencyFromProperties,
  agencyFromTitle,
  findPeriod,
  findPublication,
  findTitle,
  withoutLeadingLabel,
  yearFromTitle,
} from './report-meta.ts';
import { splitRunTogetherHead } from './run-together-head.ts';
import { segment, withoutPageChrome } from './sections.ts';
import { sourceOf } from './source-ref.ts';

export interface IngestResult {
  report: Report;
  /** Findings about the document itself: structure (S-01), labels (N-09), rows missing or doubled (T3-05). */
  findings: Finding[];
  /** Paragraphs of the preamble and sections 一、五、六 with their source location, for the narrative rules. */
  paragraphs: NarrativeParagraphs;
  /** Table-三 rows the document does not print (their cells are null and not "blank"). */
  missingRows: Table3RowKey[];
  /** Labels of table-三 extra rows that print a whole group as one row (reported once by the reader). */
  mergedRows?: string[];
  /** Present when the document was a scan read by OCR (ocr/proofread-scan.ts). */
  scan?: ScanSummary;
}

function allText(lines: readonly SourceLine[]): string {
  return lines.map((l) => l.cells.join('')).join('\n');
}

/**
 * Turns a SourceDocument of any format into a `gongkai-report/1` report with provenance and the
 * findings about the document's structure, in the format its table 二 shows (2021, or 2019 with
 * `format2019`). Throws DOCUMENT_REFUSED for documents that are not an annual report in either.
 */
export function interpretDocument(doc: SourceDocument): IngestResult {
  const { captions, head, body } = segment(doc.lines);
  const sections = new Map<number, SourceLine[]>();
  const section = (n: number): SourceLine[] => {
    let lines = sections.get(n);
    if (lines === undefined) {
      lines = n === 6 ? withoutPageChrome(body.get(6) ?? []) : (body.get(n) ?? []);
      sections.set(n, lines);
    }
    return lines;
  };
  const section2 = section(2).length > 0 ? section(2) : doc.lines;
  const table2 = readTable2(section2);
  const table3 = readTable3(section(3));
  const table4 = readTable4(section(4));
  if (captions.length < 3 && table3.missingRows.length === 25) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      '不像政府信息公开工作年度报告：找不到“一、总体情况”等章节标题，也找不到表三',
    );
  }
  // Crawled text may run breadcrumb, info block and title together on one line: split them out.
  const ownTitle = findTitle(head);
  const splitHead = ownTitle.title === '' ? splitRunTogetherHead(head, allText(doc.lines)) : head;
  const splitTitle = splitHead === head ? ownTitle : findTitle(splitHead);
  const metaHead = splitTitle.title === '' ? head : splitHead;
  const printedTitle = splitTitle.title === '' ? ownTitle : splitTitle;
  const title = withoutLeadingLabel(printedTitle.title);
  const titleLines = printedTitle.lines;
  const preamble = joinParagraphs(metaHead.filter((l) => !titleLines.includes(l)));
  const overview = joinParagraphs(section(1));
  const period = findPeriod([...preamble, ...overview.slice(0, 5)].map((p) => p.text));
  const year = yearFromTitle(title) ?? (period ? Number(period.start.slice(0, 4)) : null);
  if (year === null)
    throw new AppError('DOCUMENT_REFUSED', '无法确定报告年度：标题和正文中都没有“XXXX年”的年度');
  // DOMAIN.md §A.7: the format is told by table 二's header, whatever year the title says.
  const trial = FORMAT_2019_MARKERS.test(allText(section2)) ? readFormat2019(section2, table3) : null;
  if (!trial && year <= 2018) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `这是 ${year} 年度报告：2018 年度及以前的报告没有统一的表格格式，只能读取 2019 年格式（国办公开办函〔2019〕60号）和 2021 年格式（国办公开办函〔2021〕30号）的报告`,
    );
  }
  const paragraphs: NarrativeParagraphs = {
    preamble,
    overview,
    problems: joinParagraphs(section(5)),
    other: joinParagraphs(section(6)),
  };
  // Copied key by key: spreading objects built with computed keys takes V8's slow path.
  const provenance: Record<string, SourceRef> = {};
  for (const part of [trial ? trial.provenance : table2.provenance, table3.provenance, table4.provenance]) {
    for (const key in part) provenance[key] = part[key]!;
  }
  if (titleLines[0]) provenance.title = sourceOf(titleLines[0]);
  const found = findPublication(splitHead, section(6).slice(-6), doc.properties);
  // A file's own dates (DOCX created/modified, PDF CreationDate) date the file, not the publication:
  // they are only named in a finding, never taken for the publication date that P-01 judges.
  const publication = found?.from === 'file-properties' ? null : found;
  if (publication) provenance.publishedOn = publication.source;
  const titleAgency = agencyFromTitle(title);
  const infoAgency = titleAgency ? null : agencyFromInfoBlock(metaHead);
  if (infoAgency) provenance.agency = infoAgency.source;
  const agency = titleAgency || infoAgency?.agency || agencyFromProperties(doc.properties ?? []);
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    formatVersion: trial ? '2019' : '2021',
    agency: agency || '（未识别的机关）',
    year,
    publishedOn: publication?.date ?? null,
    period,
    title,
    sections: {
      overview: paragraphs.overview.map((p) => p.text).join('\n'),
      problems: paragraphs.problems.map((p) => p.text).join('\n'),
      other: paragraphs.other.map((p) => p.text).join('\n'),
    },
    table2: trial ? emptyTable2() : table2.table2,
    table3: table3.table3,
    table4: table4.table4,
    extras: { cells: [...table3.extraCells, ...table4.extraCells], rows: table3.extraRows },
    provenance,
    ...(trial ? { format2019: trial.format2019 } : {}),
  };
  const findings = [
    ...structureFindings(captions, doc),
    ...(trial ? trial.findings : table2.findings),
    ...table3.findings,
    ...(doc.findings ?? []),
  ];
  if (!table4.found) findings.push(violation('T4-04', '找不到表四的数据行', { table: 'table4' }));
  if (found?.from === 'file-properties') {
    findings.push(
      violation(
        'P-01',
        `报告正文和页面都没有写明发布日期，无法判断是否按时公布；仅供参考：${found.source.text ?? ''}，即北京时间 ${found.date}，不一定是公布日期`,
        { section: 'meta', source: found.source },
        'info',
      ),
    );
  }
  return { report, findings, paragraphs, missingRows: table3.missingRows, mergedRows: table3.mergedRows };
}

function structureFindings(captions: ReturnType<typeof segment>['captions'], doc: SourceDocument): Finding[] {
  const findings: Finding[] = [];
  for (let n = 1; n <= 6; n += 1) {
    const caption = captions.find((c) => c.number === n);
    if (!caption) {
      findings.push(
        violation('S-01', `缺少第${'一二三四五六'[n - 1]}部分“${SECTION_CAPTIONS[n - 1]}”`, {
          section: 'meta',
        }),
      );
    } else if (!caption.standard) {
      findings.push(
        violation(
          'S-01',
          `章节标题“${caption.printed}”与标准格式“${SECTION_CAPTIONS[n - 1]}”不一致`,
          { section: 'meta', source: sourceOf(doc.lines[caption.index]!) },
          'info',
        ),
      );
    }
  }
  const order = captions.map((c) => c.number);
  if (order.some((n, i) => i > 0 && n < order[i - 1]!)) {
    findings.push(
      violation('S-01', `章节顺序不正确：实际顺序为 ${order.map((n) => '一二三四五六'[n - 1]).join('、')}`, {
        section: 'meta',
      }),
    );
  }
  return findings;
}
