import { describe, expect, it } from 'vitest';
import { writeHandPdf } from '../../../../../test/support/hand-written-pdf.ts';
import { pdfjsPages } from '../../../../../test/support/pdfjs-pages.ts';
import { readPdf } from '../read-pdf.ts';
import { builtInCMap, readCharCode } from './pdf-bcmap.ts';
import { PdfFastUnsupported } from './pdf-objects.ts';
import { readPagesFast } from './read-pages.ts';

const SAMPLE = '政府信息公开工作年度报告（一）收到申请数，、：《》〔2021〕';

/** GBK bytes of `text` as a latin1 string, found by decoding every two-byte GBK code. */
function gbk(text: string): string {
  const decoder = new TextDecoder('gbk');
  const codes = new Map<string, string>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1)
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!codes.has(char)) codes.set(char, String.fromCharCode(lead, trail));
    }
  return [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c : codes.get(c)!)).join('');
}

const utf16 = (text: string) =>
  [...text].map((c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255)).join('');

/** Code → CID → Unicode through a predefined CMap and Adobe-GB1-UCS2, as the fast reader goes. */
function throughCollection(cmapName: string, bytes: string): string {
  const cmap = builtInCMap(cmapName);
  const ucs2 = builtInCMap('Adobe-GB1-UCS2');
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const { code, length } = readCharCode(cmap, bytes, i);
    i += length;
    const unit = ucs2.map.get(cmap.map.get(code) as number) as string;
    text += String.fromCharCode((unit.charCodeAt(0) << 8) | unit.charCodeAt(1));
  }
  return text;
}

describe('predefined CMaps decoded from pdfjs-dist bcmap files', () => {
  it('takes Chinese text in GBK bytes through GBK-EUC-H and Adobe-GB1 back to itself', () => {
    expect(throughCollection('GBK-EUC-H', gbk(`${SAMPLE}12 ab`))).toBe(`${SAMPLE}12 ab`);
  });

  it('takes UTF-16 text through UniGB-UCS2-H and Adobe-GB1 back to itself', () => {
    expect(throughCollection('UniGB-UCS2-H', utf16(`${SAMPLE}2024`))).toBe(`${SAMPLE}2024`);
  });

  it('knows the vertical CMaps, and inherits the codespace a -V CMap takes from its -H parent', () => {
    expect(builtInCMap('UniGB-UCS2-V').vertical).toBe(true);
    expect(builtInCMap('GBK-EUC-V').vertical).toBe(true);
    expect(builtInCMap('GBK-EUC-H').vertical).toBe(false);
    expect(builtInCMap('GBK-EUC-V').codespaceRanges).toEqual(builtInCMap('GBK-EUC-H').codespaceRanges);
  });

  it('refuses a CMap name pdfjs-dist does not ship, or one that is a path', () => {
    expect(() => builtInCMap('No-Such-CMap')).toThrow(PdfFastUnsupported);
    expect(() => builtInCMap('../package')).toThrow(PdfFastUnsupported);
  });
});

const TO_UNICODE = (pairs: [number, string][]) =>
  `/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange ${pairs.length} beginbfchar ${pairs
    .map(
      ([cid, c]) =>
        `<${cid.toString(16).padStart(4, '0')}> <${c.charCodeAt(0).toString(16).padStart(4, '0')}>`,
    )
    .join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;

/**
 * One page showing `content` with font /F1: a Type0 font over `encoding` whose descendant is
 * `descendant` (its FontDescriptor is object 7: embedded or not), ToUnicode when given.
 */
function page(
  content: string,
  encoding: string,
  descendant: string,
  toUnicode: string | null,
  embedded: boolean,
) {
  const stream = (body: string) => `<< /Length ${body.length} >>\nstream\n${body}\nendstream`;
  return writeHandPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>',
    '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /${encoding} /DescendantFonts [6 0 R]${toUnicode ? ' /ToUnicode 8 0 R' : ''} >>`,
    descendant,
    `<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80${embedded ? ' /FontFile2 9 0 R' : ''} >>`,
    stream(toUnicode ?? ''),
    stream('\x00\x01\x00\x00'),
  ]);
}

const hex = (cids: number[]) => `<${cids.map((c) => c.toString(16).padStart(4, '0')).join('')}>`;
const CHARS = '三本年度办理结果';
const CIDS = [...CHARS].map((_, i) => i + 1);
const PAIRS = CIDS.map((cid, i): [number, string] => [cid, CHARS[i]!]);

describe('Type0 fonts WPS and 极速PDF write, read exactly as pdfjs reads them', () => {
  it('reads vertical text of an Identity-V font with W2 metrics and TJ adjustments', async () => {
    const descendant =
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /W [1 8 1000] /DW2 [880 -1000] /W2 [3 [-1100 500 880]] /CIDToGIDMap /Identity >>';
    // In vertical writing a positive TJ number moves the next glyph down: 0.3 em, a space.
    const content = `BT /F1 10 Tf 1 0 0 1 100 700 Tm [${hex(CIDS.slice(0, 4))} 300 ${hex(CIDS.slice(4))}] TJ ET BT /F1 10 Tf 1 0 0 1 300 700 Tm ${hex(CIDS.slice(0, 2))} Tj ET`;
    const bytes = page(content, 'Identity-V', descendant, TO_UNICODE(PAIRS), true);
    const fast = readPagesFast(bytes);
    expect(fast[0]!.runs.map((run) => run.text)).toEqual(['三本年度 办理结果', '三本']);
    expect(fast).toEqual(await pdfjsPages(bytes));
  });

  it('reads a non-embedded Adobe-GB1 font over UniGB-UCS2-H without ToUnicode, widths from DW and W', async () => {
    const descendant =
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>';
    const text = '政府信息公开 2024年';
    const codes = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    const bytes = page(`BT /F1 12 Tf 72 700 Td <${codes}> Tj ET`, 'UniGB-UCS2-H', descendant, null, false);
    const fast = readPagesFast(bytes);
    expect(fast[0]!.runs.map((run) => run.text)).toEqual([text]);
    // Six CJK characters at 1 em, the space and four digits at half an em, one more CJK: 12 pt each em.
    expect(fast[0]!.runs[0]!.width).toBeCloseTo((6 + 2.5 + 1) * 12, 5);
    expect(fast).toEqual(await pdfjsPages(bytes));
  });

  it('leaves to pdfjs what it substitutes: a vertical font that is not embedded', async () => {
    const descendant =
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>';
    const bytes = page(
      `BT /F1 10 Tf 100 700 Td ${hex(CIDS)} Tj ET`,
      'Identity-V',
      descendant,
      TO_UNICODE(PAIRS),
      false,
    );
    expect(() => readPagesFast(bytes)).toThrow(PdfFastUnsupported);
    const document = await readPdf(bytes);
    expect(document.lines.map((line) => line.cells.join(''))).toEqual([CHARS]);
  });

  it('leaves to pdfjs an Identity font of no Adobe CJK collection without ToUnicode', () => {
    const descendant =
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>';
    const bytes = page(`BT /F1 10 Tf 100 700 Td ${hex(CIDS)} Tj ET`, 'Identity-H', descendant, null, true);
    expect(() => readPagesFast(bytes)).toThrow(PdfFastUnsupported);
  });
});
