import {
  AlignmentType,
  Document,
  Footer,
  type IRunOptions,
  type ISectionOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { PAGE_MARGINS_MM } from './html-style.ts';

/**
 * 公文 typography for Word/WPS (GB/T 9704): title 方正小标宋简体 二号 (22 pt), section captions 黑体 三号,
 * sub-headings 楷体_GB2312 三号, body 仿宋_GB2312 三号 (16 pt), tables 宋体 五号 (10.5 pt). Fonts are
 * named for ascii, hAnsi, eastAsia and cs alike, so Word, WPS and LibreOffice all pick the same face
 * (or substitute the same way when it is not installed).
 */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  caption: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
} as const;

export type DocxFont = keyof typeof DOCX_FONTS;

/** Half-points, as Word counts font sizes. */
export const DOCX_SIZES = { title: 44, body: 32, table: 21, footer: 21 } as const;

/** Fixed 28.95 pt line pitch of the 公文 page (22 lines of body text per page), in twips. */
const BODY_LINE_TWIPS = 579;
/** Two characters of 三号 type: the first-line indent of body paragraphs. */
export const TWO_CHARS_TWIPS = 2 * 16 * 20;

/** Millimetres → twips, rounded (A4 is 11906 × 16838 twips, as Word writes it). */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4);

export function fontRun(font: DocxFont, size: number): Pick<IRunOptions, 'font' | 'size' | 'language'> {
  const name = DOCX_FONTS[font];
  return {
    font: { ascii: name, hAnsi: name, eastAsia: name, cs: name },
    size,
    language: { value: 'zh-CN', eastAsia: 'zh-CN' },
  };
}

export function textRun(text: string, font: DocxFont, size: number, bold = false): TextRun {
  return new TextRun({ text, ...fontRun(font, size), bold });
}

const bodySpacing = { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export function titleParagraph(lines: readonly string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 579 },
    run: fontRun('title', DOCX_SIZES.title),
    children: lines.map(
      (text, i) =>
        new TextRun({ text, ...fontRun('title', DOCX_SIZES.title), ...(i > 0 ? { break: 1 } : {}) }),
    ),
  });
}

/** Section captions and sub-headings: indented two characters, kept with what follows. */
export function headingParagraph(
  text: string,
  font: 'caption' | 'subheading',
  options: { pageBreakBefore?: boolean; indent?: boolean } = {},
): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: options.indent === false ? 0 : TWO_CHARS_TWIPS },
    keepNext: true,
    // Section captions and sub-headings show in Word's navigation pane.
    outlineLevel: font === 'caption' ? 0 : 1,
    pageBreakBefore: options.pageBreakBefore ?? false,
    run: fontRun(font, DOCX_SIZES.body),
    children: [textRun(text, font, DOCX_SIZES.body)],
  });
}

/** A body paragraph; `lead` is a run-in heading printed in bold. */
/** `keepWithNext`: never split, and on the page of the paragraph after it (a letter's last paragraph and its 落款). */
export function bodyParagraph(text: string, lead = '', keepWithNext = false): Paragraph {
  const children = lead ? [textRun(lead, 'body', DOCX_SIZES.body, true)] : [];
  if (text) children.push(textRun(text, 'body', DOCX_SIZES.body));
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: bodySpacing,
    indent: { firstLine: TWO_CHARS_TWIPS },
    ...(keepWithNext ? { keepNext: true, keepLines: true } : {}),
    run: fontRun('body', DOCX_SIZES.body),
    children,
  });
}

/** The "第 N 页" footer of every page, centred, in the table face. */
function pageFooter(): Footer {
  const run = fontRun('table', DOCX_SIZES.footer);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: '第 ', ...run }),
          new TextRun({ children: [PageNumber.CURRENT], ...run }),
          new TextRun({ text: ' 页', ...run }),
        ],
      }),
    ],
  });
}

/**
 * The 公文 page of every DOCX, reports and letters alike: A4, the margins of PAGE_MARGINS_MM, the
 * footer 20 mm from the bottom edge, holding the page number.
 */
export function a4Section(): Pick<ISectionOptions, 'properties' | 'footers'> {
  const m = PAGE_MARGINS_MM;
  return {
    properties: {
      page: {
        size: { width: mm(210), height: mm(297) },
        margin: {
          top: mm(m.top),
          bottom: mm(m.bottom),
          left: mm(m.left),
          right: mm(m.right),
          footer: mm(20),
        },
      },
    },
    footers: { default: pageFooter() },
  };
}

/** A one-section 公文 DOCX (see a4Section) in the body face, packed to bytes. */
export async function packA4Docx(
  title: string,
  creator: string,
  children: ISectionOptions['children'],
): Promise<Uint8Array> {
  const doc = new Document({
    title,
    creator,
    styles: { default: { document: { run: fontRun('body', DOCX_SIZES.body) } } },
    sections: [
      {
        ...a4Section(),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
