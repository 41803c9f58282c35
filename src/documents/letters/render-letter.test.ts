import { existsSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdf, RADICAL_LOOKALIKE } from '../../../test/support/extract-pdf.ts';
import { sampleCorrection, samplePartialAnswer } from '../../../test/support/sample-letters.ts';
import { PdfRenderer } from '../render/render-pdf.ts';
import { letterFor } from './letter-content.ts';
import type { Letter } from './letter-frame.ts';
import { renderLetterDocx, renderLetterHtml, renderLetterPdf, signatureIndents } from './render-letter.ts';

const answer = () => letterFor('answer', samplePartialAnswer());
const correction = () => letterFor('correction', sampleCorrection());

/** Title, number, addressee, one article each letter cites, and the date: what every rendering must show. */
function essentials(letter: Letter): string[] {
  const article = letter.legalBasis[0]!.replace(/^《[^》]+》/, '');
  return [
    letter.title,
    letter.documentNumber,
    `${letter.addressee}：`,
    article,
    letter.signature,
    letter.date,
  ];
}

describe('signatureIndents', () => {
  it('puts the date four characters from the right and centres the signature over it', () => {
    // "2025年3月20日" is 6.5 characters wide (digits are half width), 中卫市数据局 is 6.
    expect(signatureIndents({ signature: '中卫市数据局', date: '2025年3月20日' })).toEqual({
      signature: 4.25,
      date: 4,
    });
    expect(
      signatureIndents({ signature: '中卫市云计算和大数据发展局办公室', date: '2025年3月20日' }),
    ).toEqual({
      signature: 0,
      date: 4.75,
    });
  });
});

describe('renderLetterDocx', () => {
  it('writes a Word document with the title, number, addressee, article, signature and date', async () => {
    for (const letter of [answer(), correction()]) {
      const files = unzipSync(await renderLetterDocx(letter));
      const xml = strFromU8(files['word/document.xml']!);
      for (const text of essentials(letter)) expect(xml).toContain(text);
      for (const p of letter.paragraphs) expect(xml).toContain(p);
      if (letter.remedies) expect(xml).toContain(letter.remedies);
    }
  });

  it('lays the letter out as a 公文: A4, 方正小标宋 二号 title, 仿宋_GB2312 三号 body, right-aligned date', async () => {
    const xml = strFromU8(unzipSync(await renderLetterDocx(answer()))['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('<w:ind w:firstLine="640"/>');
    // The date paragraph: right-aligned, four characters (4 × 320 twips) from the margin.
    expect(xml).toMatch(
      /<w:ind w:right="1280" w:firstLine="0"\/><w:jc w:val="right"\/>((?!<\/w:p>).)*2025年3月20日<\/w:t>/,
    );
  });
});

describe('renderLetterHtml', () => {
  it('prints every text of the letter, escaped, in a self-contained page', () => {
    const letter = { ...answer(), addressee: '<b>张某某</b>' };
    const html = renderLetterHtml(letter);
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script|<link|src=/);
    const text = DomUtils.textContent(parseDocument(html));
    for (const t of essentials(letter)) expect(text).toContain(t);
    for (const p of letter.paragraphs) expect(text).toContain(p);
    expect(text).toContain(letter.remedies!);
  });
});

const chromium = process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium';
const skip = !existsSync(chromium) && process.env.CI !== 'true';
const title = skip
  ? `renderLetterPdf — SKIPPED: no Chromium at ${chromium} (install chromium or set GONGKAI_CHROMIUM; never skipped when CI=true)`
  : 'renderLetterPdf';

describe.skipIf(skip)(title, () => {
  let renderer: PdfRenderer;

  beforeAll(async () => {
    renderer = await PdfRenderer.launch({ executablePath: chromium });
  }, 60_000);

  afterAll(async () => {
    await renderer?.close();
  });

  it('prints A4 pages whose text layer gives back the title, addressee, article and date', async () => {
    for (const letter of [answer(), correction()]) {
      const pdf = await extractPdf(await renderLetterPdf(letter, renderer));
      expect(pdf.size[0]).toBeCloseTo(595.9, 0);
      const text = pdf.items.join('').replace(/\s+/g, '');
      expect(text).not.toMatch(RADICAL_LOOKALIKE);
      for (const t of essentials(letter)) expect(text).toContain(t.replace(/\s+/g, ''));
      if (letter.remedies) expect(text).toContain(letter.remedies);
    }
  });
  it('never leaves the 落款 alone on a page: the last paragraph goes with it, whatever the letter’s length', async () => {
    // Body lengths around the foot of page one (about 28 characters a line, 22 lines a page):
    // for some of them the signature alone would fall on page two.
    const base = answer();
    let spilled = 0;
    for (let lines = 12; lines <= 19; lines += 1) {
      const letter: Letter = {
        ...base,
        paragraphs: [
          `${'本机关依法办理了您的申请。'.repeat(Math.ceil((lines * 28) / 13))}`,
          '最后一段：特此告知。',
        ],
        remedies: null,
      };
      const pdf = await extractPdf(await renderLetterPdf(letter, renderer));
      const squeeze = (t: string) => t.replace(/\s+/g, '');
      const signaturePage = pdf.pageTexts.findIndex((t) => squeeze(t).includes(squeeze(letter.signature)));
      expect(signaturePage).toBeGreaterThanOrEqual(0);
      expect(squeeze(pdf.pageTexts[signaturePage]!)).toContain('最后一段：特此告知。');
      if (signaturePage > 0) spilled += 1;
    }
    // The sweep did reach page two for some lengths (else it proves nothing).
    expect(spilled).toBeGreaterThan(0);
  }, 60_000);
});
