import { type BuiltInCMap, builtInCMap } from './pdf-bcmap.ts';
import type { PdfFile } from './pdf-file.ts';
import { isName, isNumber, type PdfDict, PdfName, type PdfObject, unsupported } from './pdf-objects.ts';

/** What a Type0 font adds to a FastFont: how codes become CIDs and text, and its vertical metrics. */
export interface CidEncoding {
  /** The predefined CMap (UniGB-UCS2-H, GBK-EUC-H, …); null for Identity-H/V (CID = two-byte code). */
  cmap: BuiltInCMap | null;
  vertical: boolean;
  /** The character collection's CID → UTF-16BE map, when the font has no ToUnicode. */
  ucs2: BuiltInCMap | null;
  /** CID → vertical advance (W2's w1y), for vertical fonts. */
  vmetrics: Map<number, number>;
  defaultWidth: number;
}

/** The character collections pdfjs maps through Adobe-<ordering>-UCS2 when ToUnicode is absent. */
const UCS2_ORDERINGS = new Set(['GB1', 'CNS1', 'Japan1', 'Korea1']);

/**
 * A Type0 font as pdfjs reads it for text: Identity-H/V or a predefined CMap from pdfjs-dist's
 * bcmap files; widths from the descendant's /W and /DW (and /W2 for vertical fonts); text from
 * ToUnicode or, without one, from the Adobe-GB1/CNS1/Japan1/Korea1 UCS2 CMap (so 极速PDF's
 * non-embedded STSong/SimSun with UniGB-UCS2-H or GBK-EUC-H and no ToUnicode is read). Left to
 * pdfjs: embedded CMap streams, non-embedded vertical fonts (pdfjs substitutes vertical
 * presentation forms), non-embedded Identity CIDFontType2 (pdfjs remaps standard-font glyphs),
 * and Identity fonts of other collections without ToUnicode.
 */
export function readCidFont(
  file: PdfFile,
  dict: PdfDict,
  widths: Map<number, number>,
  hasToUnicode: boolean,
): CidEncoding {
  const encoding = file.resolve(dict.get('Encoding'));
  if (!(encoding instanceof PdfName)) return unsupported('Type0 with an embedded CMap');
  const descendants = file.resolve(dict.get('DescendantFonts'));
  const cid = Array.isArray(descendants) ? file.dict(descendants[0]) : undefined;
  if (!cid) return unsupported('Type0 without descendant');
  let cmap: BuiltInCMap | null = null;
  let vertical = encoding.name === 'Identity-V';
  if (!vertical && encoding.name !== 'Identity-H') {
    cmap = builtInCMap(encoding.name);
    vertical = cmap.vertical;
  }
  if (!hasEmbeddedProgram(file, cid)) {
    if (vertical) unsupported('vertical font not embedded');
    if (!cmap && isName(file.resolve(cid.get('Subtype')), 'CIDFontType2'))
      unsupported('Identity CIDFontType2 not embedded');
  }
  let ucs2: BuiltInCMap | null = null;
  if (!hasToUnicode) {
    const info = file.dict(cid.get('CIDSystemInfo'));
    const registry = file.resolve(info?.get('Registry'));
    const ordering = file.resolve(info?.get('Ordering'));
    if (registry !== 'Adobe' || typeof ordering !== 'string' || !UCS2_ORDERINGS.has(ordering))
      return unsupported('Type0 without ToUnicode outside the Adobe CJK collections');
    ucs2 = builtInCMap(`Adobe-${ordering}-UCS2`);
  }
  const dw = file.resolve(cid.get('DW'));
  const defaultWidth = isNumber(dw) ? Math.ceil(dw) : 1000;
  readCidWidths(file, file.resolve(cid.get('W')), widths);
  const vmetrics = new Map<number, number>();
  if (vertical) readVerticalMetrics(file, file.resolve(cid.get('W2')), vmetrics);
  return { cmap, vertical, ucs2, vmetrics, defaultWidth };
}

/** The CID a code selects (pdfjs's widthCode): the code itself when the CMap does not map it. */
export function cidOf(encoding: CidEncoding, code: number): number {
  if (!encoding.cmap) return code;
  const cid = encoding.cmap.map.get(code);
  if (typeof cid === 'string') return unsupported('CMap maps a code to a string');
  return cid ?? code;
}

/**
 * The text of a code through the collection's UCS2 CMap, as pdfjs's buildToUnicode computes it
 * for every code the encoding maps; undefined for codes it does not (pdfjs then shows the code).
 */
export function collectionUnicode(encoding: CidEncoding, code: number): string | undefined {
  const cid = encoding.cmap ? encoding.cmap.map.get(code) : code <= 0xffff ? code : undefined;
  if (typeof cid !== 'number') return undefined;
  const ucs2 = encoding.ucs2?.map.get(cid);
  if (typeof ucs2 !== 'string' || ucs2.length === 0) return undefined;
  const units: number[] = [];
  for (let i = 0; i < ucs2.length; i += 2) units.push((ucs2.charCodeAt(i) << 8) + ucs2.charCodeAt(i + 1));
  return String.fromCharCode(...units);
}

/** Whether the font (or CIDFont) descriptor carries a font program. */
export function hasEmbeddedProgram(file: PdfFile, dict: PdfDict): boolean {
  const descriptor = file.dict(dict.get('FontDescriptor'));
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(key) !== undefined);
}

function readCidWidths(file: PdfFile, w: PdfObject | undefined, widths: Map<number, number>): void {
  if (!Array.isArray(w)) return;
  for (let i = 0; i < w.length; i += 1) {
    let start = file.resolve(w[i++]);
    if (!Number.isInteger(start)) break;
    const next = file.resolve(w[i]);
    if (Array.isArray(next)) {
      for (const c of next) {
        const width = file.resolve(c);
        if (typeof width === 'number') widths.set(start as number, width);
        start = (start as number) + 1;
      }
    } else if (Number.isInteger(next)) {
      const width = file.resolve(w[++i]);
      if (typeof width !== 'number') continue;
      if ((next as number) - (start as number) > 0x10000) unsupported('W range too large');
      for (let j = start as number; j <= (next as number); j += 1) widths.set(j, width);
    } else break;
  }
}

/** /W2 as pdfjs's extractWidths reads it; only each metric's w1y (the advance) is kept. */
function readVerticalMetrics(file: PdfFile, w2: PdfObject | undefined, vmetrics: Map<number, number>): void {
  if (!Array.isArray(w2)) return;
  const triple = (items: (PdfObject | undefined)[]) => {
    const values = items.map((item) => file.resolve(item));
    return values.every((v) => typeof v === 'number') ? (values as number[]) : null;
  };
  for (let i = 0; i < w2.length; i += 1) {
    let start = file.resolve(w2[i++]);
    if (!Number.isInteger(start)) break;
    const next = file.resolve(w2[i]);
    if (Array.isArray(next)) {
      for (let j = 0; j < next.length; j += 1) {
        const metric = triple([next[j++], next[j++], next[j]]);
        if (metric) vmetrics.set(start as number, metric[0]!);
        start = (start as number) + 1;
      }
    } else if (Number.isInteger(next)) {
      const metric = triple([w2[++i], w2[++i], w2[++i]]);
      if (!metric) continue;
      if ((next as number) - (start as number) > 0x10000) unsupported('W2 range too large');
      for (let j = start as number; j <= (next as number); j += 1) vmetrics.set(j, metric[0]!);
    } else break;
  }
}
