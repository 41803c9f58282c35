import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import stringWidth from 'string-width';
import {
  bodyParagraph,
  DOCX_SIZES,
  fontRun,
  packA4Docx,
  TWO_CHARS_TWIPS,
  textRun,
  titleParagraph,
} from '../render/docx-style.ts';
import { escapeHtml } from '../render/escape-html.ts';
import { FONT_BODY, FONT_TITLE, PAGE_MARGINS_MM } from '../render/html-style.ts';
import { htmlPage } from '../render/render-html.ts';
import type { PdfRenderer } from '../render/render-pdf.ts';
import type { Letter } from './letter-frame.ts';

/**
 * A 告知书 laid out as a 公文 on A4 (GB/T 9704), in the report renderers' fonts and margins: title
 * 方正小标宋 二号 centred, document number centred below it, addressee flush left, body 仿宋_GB2312
 * 三号 with a two-character indent, then the signature centred over the date, the date four
 * characters from the right margin (room for the seal above them).
 */

/** One character of 三号 type, in twips. */
const CHAR_TWIPS = TWO_CHARS_TWIPS / 2;
/** Fixed line pitch of the body (28.95 pt), in twips: as docx-style.ts sets it. */
const LINE_TWIPS = 579;

/**
 * Right indents, in characters, of the signature and the date: the date 右空四字, the signature
 * centred over it (GB/T 9704 §7.3.5.1); a signature longer than the date moves both so that the
 * signature ends at the margin.
 */
export function signatureIndents(letter: Pick<Letter, 'signature' | 'date'>): {
  signature: number;
  date: number;
} {
  const chars = (s: string) => stringWidth(s) / 2;
  const signature = 4 + (chars(letter.date) - chars(letter.signature)) / 2;
  return signature >= 0 ? { signature, date: 4 } : { signature: 0, date: 4 - signature };
}

interface LineOptions {
  align: 'left' | 'center' | 'right';
  /** Space before and after, in lines of body text. */
  before?: number;
  after?: number;
  /** Right indent in characters. */
  right?: number;
  keepNext?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A one-line paragraph in body type without first-line indent: number, addressee, signature, date. */
function lineParagraph(text: string, o: LineOptions): Paragraph {
  return new Paragraph({
    alignment: ALIGN[o.align],
    spacing: {
      line: LINE_TWIPS,
      lineRule: LineRuleType.EXACT,
      before: (o.before ?? 0) * LINE_TWIPS,
      after: (o.after ?? 0) * LINE_TWIPS,
    },
    indent: { firstLine: 0, right: Math.round((o.right ?? 0) * CHAR_TWIPS) },
    ...(o.keepNext ? { keepNext: true } : {}),
    run: fontRun('body', DOCX_SIZES.body),
    children: [textRun(text, 'body', DOCX_SIZES.body)],
  });
}

export async function renderLetterDocx(letter: Letter): Promise<Uint8Array> {
  const indents = signatureIndents(letter);
  const body = [...letter.paragraphs, ...(letter.remedies ? [letter.remedies] : [])];
  return packA4Docx(letter.title, letter.signature, [
    titleParagraph([letter.title]),
    lineParagraph(letter.documentNumber, { align: 'center', after: 1 }),
    lineParagraph(`${letter.addressee}：`, { align: 'left' }),
    // The last paragraph goes with the 落款, so that the signature never stands alone on a page.
    ...body.map((text, i) => bodyParagraph(text, '', i === body.length - 1)),
    // Two blank lines (room for the seal), then signature and date on one page.
    lineParagraph(letter.signature, {
      align: 'right',
      before: 2,
      right: indents.signature,
      keepNext: true,
    }),
    lineParagraph(letter.date, { align: 'right', right: indents.date }),
  ]);
}

/** Letter typography on screen and in print; every rule scoped to gk-letter. */
const LETTER_CSS = `
@page { size: A4; margin: ${PAGE_MARGINS_MM.top}mm ${PAGE_MARGINS_MM.right}mm ${PAGE_MARGINS_MM.bottom}mm ${PAGE_MARGINS_MM.left}mm; }
html { background: #fff; }
body { margin: 0; }
.gk-letter { font-family: ${FONT_BODY}; font-size: 16pt; line-height: 28.95pt; color: #000; max-width: 156mm; margin: 0 auto; }
@media screen { .gk-letter { padding: 16mm 0 24mm; } }
@media print { .gk-letter { max-width: none; } }
.gk-letter h1 { font-family: ${FONT_TITLE}; font-weight: normal; font-size: 22pt; line-height: 35pt; text-align: center; margin: 0 0 28.95pt; }
.gk-letter p { margin: 0; text-indent: 2em; text-align: justify; }
.gk-letter p.gk-letter-number { text-indent: 0; text-align: center; margin-bottom: 28.95pt; }
.gk-letter p.gk-letter-addressee { text-indent: 0; }
.gk-letter p.gk-letter-signature, .gk-letter p.gk-letter-date { text-indent: 0; text-align: right; break-inside: avoid; }
.gk-letter p.gk-letter-signature { margin-top: 57.9pt; break-after: avoid; page-break-after: avoid; }
.gk-letter .gk-letter-close { break-inside: avoid; page-break-inside: avoid; }
`;

/** A self-contained page (one inline stylesheet, no script, no external resource); every text escaped. */
export function renderLetterHtml(letter: Letter): string {
  const indents = signatureIndents(letter);
  const paragraphs = [...letter.paragraphs, ...(letter.remedies ? [letter.remedies] : [])].map(
    (p) => `<p>${escapeHtml(p)}</p>`,
  );
  // The last paragraph, the signature and the date print on one page (never a lone 落款).
  const last = paragraphs.pop() ?? '';
  return htmlPage(
    `${letter.title}（${letter.documentNumber}）`,
    LETTER_CSS,
    `<article class="gk-letter">
<h1>${escapeHtml(letter.title)}</h1>
<p class="gk-letter-number">${escapeHtml(letter.documentNumber)}</p>
<p class="gk-letter-addressee">${escapeHtml(letter.addressee)}：</p>
${paragraphs.join('\n')}
<div class="gk-letter-close">
${last}
<p class="gk-letter-signature" style="padding-right: ${indents.signature}em">${escapeHtml(letter.signature)}</p>
<p class="gk-letter-date" style="padding-right: ${indents.date}em">${escapeHtml(letter.date)}</p>
</div>
</article>
`,
  );
}

/** PDF through the report renderer's Chromium (one browser serves a batch of letters and reports). */
export function renderLetterPdf(letter: Letter, pdfRenderer: PdfRenderer): Promise<Uint8Array> {
  return pdfRenderer.printHtml(renderLetterHtml(letter));
}
