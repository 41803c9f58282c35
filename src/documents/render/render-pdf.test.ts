import { existsSync } from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedPdf, extractPdf, RADICAL_LOOKALIKE } from '../../../test/support/extract-pdf.ts';
import { fullReport, seedReport, tableNumbers } from '../../../test/support/sample-reports.ts';
import { loadSeedReport } from '../../../test/support/seeds.ts';
import { AppError } from '../../core/errors.ts';
import {
  SECTION_CAPTIONS,
  TABLE2_LABELS,
  TABLE3_APPLICANT_HEADER,
  TABLE3_GROUPS,
  TABLE3_LEGAL_PERSON_HEADER,
  TABLE3_NOTE,
  TABLE3_OUTCOME_CAPTION,
  TABLE4_AFTER_REVIEW_HEADER,
  TABLE4_DIRECT_HEADER,
  TABLE4_LITIGATION_HEADER,
  TABLE4_REVIEW_HEADER,
} from '../../core/report/labels.ts';
import type { Report } from '../../core/report/schema.ts';
import { renderHtml } from './render-html.ts';
import { PdfRenderer } from './render-pdf.ts';
import { renderReport } from './render-report.ts';

const chromium = process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium';
const skip = !existsSync(chromium) && process.env.CI !== 'true';
const title = skip
  ? `PdfRenderer — SKIPPED: no Chromium at ${chromium} (install chromium or set GONGKAI_CHROMIUM; never skipped when CI=true)`
  : 'PdfRenderer';

/** Every character a rendering of `report` may print: its HTML text, plus the page footer. */
function sourceCharacters(report: Report): Set<string> {
  return new Set([...DomUtils.textContent(parseDocument(renderHtml(report))), ...'第页']);
}

describe.skipIf(skip)(title, () => {
  let renderer: PdfRenderer;
  const rendered: Record<string, { report: Report; pdf: Uint8Array; text: ExtractedPdf }> = {};

  beforeAll(async () => {
    renderer = await PdfRenderer.launch({ executablePath: chromium });
    for (const [name, report] of [
      ['seed', seedReport()],
      ['full', fullReport()],
      // Its table 二 starts low on page 3: it once split there, four rows alone on page 4.
      ['seed000', loadSeedReport('000')],
    ] as const) {
      const pdf = await renderer.render(report);
      rendered[name] = { report, pdf, text: await extractPdf(pdf) };
    }
  }, 120_000);

  afterAll(async () => {
    await renderer?.close();
  });

  it('prints A4 pages with a page-number footer', () => {
    const { pdf, text } = rendered.seed!;
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(text.size[0]).toBeCloseTo(595.9, 0);
    expect(text.size[1]).toBeCloseTo(842.9, 0);
    const joined = text.items.join('');
    for (let page = 1; page <= text.pages; page += 1) expect(joined).toContain(`第 ${page} 页`);
  });

  it('keeps table 二 on one page, with its heading, rather than leave a few rows on the next', () => {
    const { pageTexts } = rendered.seed000!.text;
    const pageOf = (text: string) => pageTexts.findIndex((page) => page.includes(text));
    const first = pageOf('第二十条第（一）项');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(pageOf('第二十条第（八）项')).toBe(first);
    expect(pageOf('二、主动公开政府信息情况')).toBe(first);
  });

  it('extracts back to the captions of the format, with no radical look-alike anywhere', () => {
    for (const { report, text } of Object.values(rendered)) {
      const joined = text.items.join('').replace(/\s+/g, '');
      expect(joined).not.toMatch(RADICAL_LOOKALIKE);
      const captions = [
        ...SECTION_CAPTIONS,
        TABLE2_LABELS.item1,
        TABLE2_LABELS.item5,
        TABLE2_LABELS.item6,
        TABLE2_LABELS.item8,
        TABLE2_LABELS.feesAmount,
        TABLE3_NOTE,
        TABLE3_APPLICANT_HEADER,
        TABLE3_LEGAL_PERSON_HEADER,
        TABLE3_OUTCOME_CAPTION,
        ...Object.values(TABLE3_GROUPS),
        TABLE4_REVIEW_HEADER,
        TABLE4_LITIGATION_HEADER,
        TABLE4_DIRECT_HEADER,
        TABLE4_AFTER_REVIEW_HEADER,
        `${report.year}年政府信息公开工作年度报告`,
      ];
      for (const caption of captions) expect(joined).toContain(caption.replace(/\s+/g, ''));
    }
  });

  it('extracts only characters the report contains (月 stays 月, 户 stays 户)', () => {
    for (const { report, text } of Object.values(rendered)) {
      const allowed = sourceCharacters(report);
      const foreign = [...new Set(text.items.join(''))].filter((c) => !/\s/.test(c) && !allowed.has(c));
      expect(foreign).toEqual([]);
    }
    const seed = rendered.seed!.text.items.join('').replace(/\s+/g, '');
    expect(seed).toContain('政务微博关注量73个用户');
    expect(seed).toContain('中卫市工业和信息化局');
  });

  it('extracts every number of a report with distinct numbers, in form order', () => {
    const { report, text } = rendered.full!;
    const expected = tableNumbers(report).map(String);
    const wanted = new Set(expected);
    const tokens = text.items.join(' ').match(/\d+(?:\.\d+)?/g) ?? [];
    expect(tokens.filter((t) => wanted.has(t))).toEqual(expected);
  });

  it('prints any HTML page with printHtml, as reports are printed', async () => {
    const html =
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>政府信息公开申请答复书</p></body></html>';
    const text = await extractPdf(await renderer.printHtml(html));
    expect(text.size[0]).toBeCloseTo(595.9, 0);
    expect(text.items.join('')).toContain('政府信息公开申请答复书');
    expect(text.items.join('')).toContain('第 1 页');
  });

  it('renders a batch with one browser and through renderReport', async () => {
    const batch = await Promise.all([seedReport(), fullReport()].map((r) => renderer.render(r)));
    expect(batch.map((b) => b.length > 10_000)).toEqual([true, true]);
    const out = await renderReport(seedReport(), 'pdf', { pdfRenderer: renderer });
    expect(out.mediaType).toBe('application/pdf');
    expect((await extractPdf(out.bytes)).items.join('')).toContain('三、收到和处理政府信息公开申请情况');
  });
});

describe('PdfRenderer.launch', () => {
  it('refuses with an installation hint when no Chromium is found', async () => {
    const error = await PdfRenderer.launch({ executablePath: '/nonexistent/chromium' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'PDF 输出需要 Chromium：请安装 chromium（Debian：apt-get install chromium），或用环境变量 GONGKAI_CHROMIUM 指定路径',
    });
  });
});
