import { readCharCode } from './pdf-bcmap.ts';
import {
  type CidEncoding,
  cidOf,
  collectionUnicode,
  hasEmbeddedProgram,
  readCidFont,
} from './pdf-cid-font.ts';
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
 * (or vertical advance) and text. Supported: simple fonts (Type1, TrueType, Type3) with /Widths
 * and a ToUnicode map (embedded TrueType with plain WinAnsiEncoding also without one, for ASCII),
 * and Type0 fonts (pdf-cid-font.ts: Identity-H/V or a predefined CMap such as UniGB-UCS2-H,
 * embedded or not, text from ToUnicode or from the Adobe-*-UCS2 CMap of its character
 * collection). Anything else is unsupported (pdfjs reads it).
 */
export class FastFont {
  readonly twoByte: boolean;
  readonly isType3: boolean;
  readonly fontMatrix: number[];
  /** Written top to bottom (Identity-V, the -V CMaps): glyphs advance down by their vertical metric. */
  readonly vertical: boolean;
  private readonly widths: WidthTable;
  private readonly defaultWidth: number;
  private readonly toUnicode: Map<number, string> | null;
  private readonly cid: CidEncoding | null;
  private readonly vmetrics: Map<number, number>;
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
    this.cid = spec.cid ?? null;
    this.vertical = spec.cid?.vertical ?? false;
    this.vmetrics = spec.cid?.vmetrics ?? new Map();
  }

  static load(file: PdfFile, dict: PdfDict): FastFont {
    const subtype = file.resolve(dict.get('Subtype'));
    const toUnicodeStream = file.resolve(dict.get('ToUnicode'));
    let toUnicode: Map<number, string> | null = null;
    if (toUnicodeStream instanceof PdfStream) {
      toUnicode = readToUnicode(file.decode(toUnicodeStream));
      if (toUnicode.size === 0) unsupported('empty ToUnicode');
    } else if (toUnicodeStream !== undefined) unsupported('ToUnicode is not a stream');
    const common = { toUnicode, hasEncoding: dict.get('Encoding') !== undefined };
    if (isName(subtype, 'Type0')) {
      const widths = new Map<number, number>();
      const cid = readCidFont(file, dict, widths, toUnicode !== null);
      return new FastFont({ ...common, ...CID_LAYOUT, widths, defaultWidth: cid.defaultWidth, cid });
    }
    if (isName(subtype, 'TrueType') || isName(subtype, 'Type1') || isName(subtype, 'Type3')) {
      if (!toUnicode) requireWinAnsiTrueType(file, dict);
      return new FastFont({ ...common, ...readSimple(file, dict, isName(subtype, 'Type3')) });
    }
    return unsupported('font subtype');
  }

  /** The char codes of a string shown with this font. */
  codes(chars: string): number[] {
    const codes: number[] = [];
    const cmap = this.cid?.cmap;
    if (cmap) {
      for (let i = 0; i < chars.length; ) {
        const { code, length } = readCharCode(cmap, chars, i);
        codes.push(code);
        i += length;
      }
      return codes;
    }
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
    const widthCode = this.cid ? cidOf(this.cid, code) : code;
    let unicode: string | undefined;
    if (this.toUnicode) {
      unicode = this.toUnicode.get(code);
      if (unicode === undefined && this.hasEncoding) unsupported('code missing from ToUnicode');
    } else if (this.cid) unicode = collectionUnicode(this.cid, code);
    else unicode = winAnsiUnicode(code);
    if (!unicode) unicode = String.fromCharCode(code);
    const groups = unicode.match(SPECIAL_CHAR);
    const width = this.widths.get(widthCode) ?? this.defaultWidth;
    glyph = {
      unicode,
      // pdfjs's vertical advance: the glyph's W2 vertical metric, else minus its width.
      width: this.vertical ? (this.vmetrics.get(widthCode) ?? -width) : width,
      isWhitespace: !!groups?.[1],
      isZeroWidthDiacritic: !!groups?.[2],
      isInvisibleFormatMark: !!groups?.[3],
    };
    this.glyphs.set(code, glyph);
    return glyph;
  }
}

/** Code (simple fonts) or CID (Type0) → width in glyph space; undefined: the default width. */
interface WidthTable {
  get(code: number): number | undefined;
}

interface FontSpec {
  twoByte: boolean;
  isType3: boolean;
  fontMatrix: number[];
  widths: WidthTable;
  defaultWidth: number;
  toUnicode: Map<number, string> | null;
  hasEncoding: boolean;
  cid?: CidEncoding;
}

type Layout = Pick<FontSpec, 'twoByte' | 'isType3' | 'fontMatrix' | 'defaultWidth' | 'widths'>;

/**
 * A simple font's /Widths, an entry read when a glyph first needs it: Chromium's Type 3 fonts list
 * ~200 widths for the handful of glyphs each shows.
 */
class SimpleWidths implements WidthTable {
  constructor(
    private readonly file: PdfFile,
    private readonly list: PdfObject[],
    private readonly firstChar: number,
  ) {}
  get(code: number): number | undefined {
    const index = code - this.firstChar;
    if (index < 0 || index >= this.list.length) return undefined;
    const width = this.file.resolve(this.list[index]);
    return typeof width === 'number' ? width : undefined;
  }
}

const CID_LAYOUT = { twoByte: true, isType3: false, fontMatrix: FONT_IDENTITY_MATRIX };

/**
 * A simple font: one-byte codes, /Widths from /FirstChar, /MissingWidth as the default. Embedded
 * programs with another FontMatrix change nothing: pdfjs rescales their widths to match.
 */
function readSimple(file: PdfFile, dict: PdfDict, isType3: boolean): Layout {
  const list = file.resolve(dict.get('Widths'));
  const firstChar = file.resolve(dict.get('FirstChar'));
  if (!Array.isArray(list) || !Number.isInteger(firstChar)) return unsupported('simple font without Widths');
  const descriptor = file.dict(dict.get('FontDescriptor'));
  const missing = file.resolve(descriptor?.get('MissingWidth'));
  const layout = {
    widths: new SimpleWidths(file, list, firstChar as number),
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
  if (!hasEmbeddedProgram(file, dict)) unsupported('font program not embedded');
}

/**
 * An embedded TrueType font without ToUnicode whose text pdfjs takes from WinAnsiEncoding's glyph
 * names alone (nonsymbolic, no /Differences): Word and WPS write their Latin fonts so. Only the
 * printable ASCII codes are read (winAnsiUnicode); pdfjs reads the rest.
 */
function requireWinAnsiTrueType(file: PdfFile, dict: PdfDict): void {
  if (!isName(file.resolve(dict.get('Subtype')), 'TrueType')) unsupported('simple font without ToUnicode');
  if (!isName(file.resolve(dict.get('Encoding')), 'WinAnsiEncoding'))
    unsupported('encoding other than WinAnsi');
  const descriptor = file.dict(dict.get('FontDescriptor'));
  const flags = file.resolve(descriptor?.get('Flags'));
  // Nonsymbolic (bit 6) and not symbolic (bit 3).
  if (!Number.isInteger(flags) || ((flags as number) & 0b100100) !== 0b100000)
    unsupported('symbolic TrueType');
  requireEmbeddedProgram(file, dict);
}

/** WinAnsiEncoding's printable ASCII: each glyph name's Unicode value is the code itself. */
function winAnsiUnicode(code: number): string {
  if (code < 0x20 || code > 0x7e) unsupported('WinAnsi code outside printable ASCII');
  return String.fromCharCode(code);
}

/**
 * The fonts of one document, each loaded when a text operator first selects it (Tf) and kept per
 * font object; a (resources, name) pair is looked up once, then found by the dictionary itself.
 */
export class FontCache {
  private readonly byObject = new Map<unknown, FastFont>();
  private readonly byResources = new Map<PdfDict, Map<string, FastFont>>();

  constructor(private readonly file: PdfFile) {}

  /** The font `name` of `resources`. */
  font(resources: PdfDict | undefined, name: string): FastFont {
    if (!resources) return unsupported('font not in resources');
    let named = this.byResources.get(resources);
    if (!named) {
      named = new Map();
      this.byResources.set(resources, named);
    }
    let font = named.get(name);
    if (!font) {
      font = this.load(resources, name);
      named.set(name, font);
    }
    return font;
  }

  private load(resources: PdfDict, name: string): FastFont {
    const file = this.file;
    const raw = file.dict(resources.get('Font'))?.get(name);
    if (raw === undefined) return unsupported('font not in resources');
    const key = raw instanceof PdfRef ? `${raw.num} ${raw.gen}` : raw;
    let font = this.byObject.get(key);
    if (!font) {
      const dict = file.dict(raw);
      if (!dict) return unsupported('font is not a dictionary');
      font = FastFont.load(file, dict);
      this.byObject.set(key, font);
    }
    return font;
  }
}
