import { readToUnicode } from './pdf-cmap.ts';
import type { PdfFile } from './pdf-file.ts';
import {
  isName,
  isNumber,
  type PdfDict,
  type PdfObject,
  PdfRef,
  PdfStream,
  unsupported,
} from './pdf-objects.ts';

/** What text extraction needs of one glyph, as pdfjs's Glyph gives it. */
export interface Glyph {
  unicode: string;
  /** Width in glyph space (times fontMatrix[0] and the font size: text space). */
  width: number;
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}

const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
// pdfjs's getCharUnicodeCategory, verbatim.
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

/**
 * A font as far as text extraction goes: how a string splits into char codes, each code's width
 * and text. Supported: simple fonts (Type1, TrueType, Type3) with /Widths, and Type0 fonts with
 * Identity-H and /W, all with a ToUnicode map. Anything else is unsupported (pdfjs reads it).
 */
export class FastFont {
  readonly twoByte: boolean;
  readonly isType3: boolean;
  readonly fontMatrix: number[];
  private readonly widths: Map<number, number>;
  private readonly defaultWidth: number;
  private readonly toUnicode: Map<number, string>;
  /** When the font has an /Encoding, pdfjs fills codes its ToUnicode lacks from glyph names. */
  private readonly hasEncoding: boolean;
  private readonly glyphs = new Map<number, Glyph>();

  private constructor(spec: FontSpec) {
    this.twoByte = spec.twoByte;
    this.isType3 = spec.isType3;
    this.fontMatrix = spec.fontMatrix;
    this.widths = spec.widths;
    this.defaultWidth = spec.defaultWidth;
    this.toUnicode = spec.toUnicode;
    this.hasEncoding = spec.hasEncoding;
  }

  static load(file: PdfFile, dict: PdfDict): FastFont {
    const subtype = file.resolve(dict.get('Subtype'));
    const toUnicodeStream = file.resolve(dict.get('ToUnicode'));
    if (!(toUnicodeStream instanceof PdfStream)) return unsupported('font without ToUnicode stream');
    const toUnicode = readToUnicode(file.decode(toUnicodeStream));
    if (toUnicode.size === 0) unsupported('empty ToUnicode');
    const common = {
      toUnicode,
      hasEncoding: dict.get('Encoding') !== undefined,
      widths: new Map<number, number>(),
    };
    if (isName(subtype, 'Type0')) return new FastFont({ ...common, ...readType0(file, dict, common.widths) });
    if (isName(subtype, 'TrueType') || isName(subtype, 'Type1') || isName(subtype, 'Type3'))
      return new FastFont({ ...common, ...readSimple(file, dict, common.widths, isName(subtype, 'Type3')) });
    return unsupported('font subtype');
  }

  /** The char codes of a string shown with this font. */
  codes(chars: string): number[] {
    const codes: number[] = [];
    if (!this.twoByte) {
      for (let i = 0; i < chars.length; i += 1) codes.push(chars.charCodeAt(i));
      return codes;
    }
    if (chars.length % 2 !== 0) unsupported('odd byte count for a two-byte font');
    for (let i = 0; i < chars.length; i += 2)
      codes.push((chars.charCodeAt(i) << 8) | chars.charCodeAt(i + 1));
    return codes;
  }

  glyph(code: number): Glyph {
    let glyph = this.glyphs.get(code);
    if (glyph) return glyph;
    let unicode = this.toUnicode.get(code);
    if (unicode === undefined && this.hasEncoding) unsupported('code missing from ToUnicode');
    if (!unicode) unicode = String.fromCharCode(code);
    const groups = unicode.match(SPECIAL_CHAR);
    glyph = {
      unicode,
      width: this.widths.get(code) ?? this.defaultWidth,
      isWhitespace: !!groups?.[1],
      isZeroWidthDiacritic: !!groups?.[2],
      isInvisibleFormatMark: !!groups?.[3],
    };
    this.glyphs.set(code, glyph);
    return glyph;
  }
}

interface FontSpec {
  twoByte: boolean;
  isType3: boolean;
  fontMatrix: number[];
  widths: Map<number, number>;
  defaultWidth: number;
  toUnicode: Map<number, string>;
  hasEncoding: boolean;
}

type Layout = Pick<FontSpec, 'twoByte' | 'isType3' | 'fontMatrix' | 'defaultWidth'>;

/** A Type0 font with Identity-H: two-byte codes, widths from the descendant's /W and /DW. */
function readType0(file: PdfFile, dict: PdfDict, widths: Map<number, number>): Layout {
  if (!isName(file.resolve(dict.get('Encoding')), 'Identity-H'))
    unsupported('Type0 encoding other than Identity-H');
  const descendants = file.resolve(dict.get('DescendantFonts'));
  const cid = Array.isArray(descendants) ? file.dict(descendants[0]) : undefined;
  if (!cid) return unsupported('Type0 without descendant');
  requireEmbeddedProgram(file, cid);
  const dw = file.resolve(cid.get('DW'));
  readCidWidths(file, file.resolve(cid.get('W')), widths);
  return {
    twoByte: true,
    isType3: false,
    fontMatrix: FONT_IDENTITY_MATRIX,
    defaultWidth: isNumber(dw) ? Math.ceil(dw) : 1000,
  };
}

/**
 * A simple font: one-byte codes, /Widths from /FirstChar, /MissingWidth as the default. Embedded
 * programs with another FontMatrix change nothing: pdfjs rescales their widths to match.
 */
function readSimple(file: PdfFile, dict: PdfDict, widths: Map<number, number>, isType3: boolean): Layout {
  const list = file.resolve(dict.get('Widths'));
  const firstChar = file.resolve(dict.get('FirstChar'));
  if (!Array.isArray(list) || !Number.isInteger(firstChar)) return unsupported('simple font without Widths');
  let code = firstChar as number;
  for (const w of list) {
    const width = file.resolve(w);
    if (typeof width === 'number') widths.set(code, width);
    code += 1;
  }
  const descriptor = file.dict(dict.get('FontDescriptor'));
  const missing = file.resolve(descriptor?.get('MissingWidth'));
  const layout = {
    twoByte: false,
    isType3,
    fontMatrix: FONT_IDENTITY_MATRIX,
    defaultWidth: typeof missing === 'number' ? missing : 0,
  };
  if (!isType3) {
    requireEmbeddedProgram(file, dict);
    return layout;
  }
  const matrix = file.resolve(dict.get('FontMatrix'));
  if (Array.isArray(matrix) && matrix.length === 6 && matrix.every(isNumber))
    layout.fontMatrix = matrix as number[];
  const bbox = file.resolve(dict.get('FontBBox'));
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(isNumber))
    unsupported('Type3 without FontBBox');
  const [x0, y0, x1, y1] = bbox as number[];
  // pdfjs measures Type 3 glyphs by their own boxes when the font's box is empty.
  if (Math.hypot(x1! - x0!, y1! - y0!) === 0) unsupported('Type3 with an empty FontBBox');
  return layout;
}

/**
 * pdfjs substitutes a font that is not embedded (standard font data, CJK fallbacks, glyph
 * remapping), and its text items then follow rules not ported here: such fonts are left to it.
 */
function requireEmbeddedProgram(file: PdfFile, dict: PdfDict): void {
  const descriptor = file.dict(dict.get('FontDescriptor'));
  const program = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(key) !== undefined);
  if (!program) unsupported('font program not embedded');
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

/** The font `name` of `resources`, loaded once per font object (cached in `cache`). */
export function loadResourceFont(
  file: PdfFile,
  cache: Map<unknown, FastFont>,
  resources: PdfDict | undefined,
  name: string,
): FastFont {
  const fonts = file.dict(resources?.get('Font'));
  const raw = fonts?.get(name);
  if (raw === undefined) return unsupported('font not in resources');
  const key = raw instanceof PdfRef ? `${raw.num} ${raw.gen}` : raw;
  let font = cache.get(key);
  if (!font) {
    const dict = file.dict(raw);
    if (!dict) return unsupported('font is not a dictionary');
    font = FastFont.load(file, dict);
    cache.set(key, font);
  }
  return font;
}
