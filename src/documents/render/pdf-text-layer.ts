import { deflateSync } from 'node:zlib';
import { PdfObjects } from './pdf-objects.ts';

/**
 * Repairs the text layer of a PDF printed by Chromium so that every extractor reads the report's
 * own characters.
 *
 * Skia writes each font's ToUnicode map from the font's cmap, taking the lowest code point that
 * maps to a glyph. Noto CJK shares glyphs between ideographs and their radical look-alikes (月 and
 * ⽉ U+2F49, 民 and ⺠ U+2EA0, 户 and ⼾ U+2F3E), so the map says "⽉". Skia then wraps every such
 * glyph in a marked-content span with the true text (`/Span <</ActualText <FEFF6708>>> BDC … EMC`);
 * poppler honours ActualText, pdf.js and most search indexes read only the ToUnicode map.
 *
 * This reads the ActualText of every single-glyph span, and where a font's code is always shown
 * for the same text, rewrites that code's ToUnicode entry to it (an incremental update: the
 * original bytes are untouched). A file not laid out as Chromium writes it is returned as is.
 */
export function repairTextLayer(pdf: Uint8Array): Uint8Array {
  const objects = PdfObjects.open(pdf);
  if (!objects) return pdf;
  const observed = new Map<number, Map<number, Set<string>>>(); // font object → code → texts
  for (const num of objects.numbers()) {
    const obj = objects.get(num);
    if (!obj || obj.stream || !/\/Type\s*\/Page(?![s\w])/.test(obj.dict)) continue;
    const fonts = fontResources(objects, obj.dict);
    for (const content of contentRefs(obj.dict)) {
      const stream = objects.decoded(content);
      if (stream) scanContent(stream.data.toString('latin1'), fonts, observed);
    }
  }
  const updates = new Map<number, { dict: string; data: Uint8Array }>();
  for (const [fontNum, codes] of observed) {
    const fontDict = objects.get(fontNum)?.dict ?? '';
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(fontDict);
    if (!ref) continue;
    const cmapNum = Number(ref[1]);
    const cmap = objects.decoded(cmapNum);
    if (!cmap) continue;
    const map = parseToUnicode(cmap.data.toString('latin1'));
    let changed = false;
    for (const [code, texts] of codes) {
      const [text] = texts;
      if (texts.size === 1 && text !== undefined && map.get(code) !== text) {
        map.set(code, text);
        changed = true;
      }
    }
    if (changed) {
      const data = deflateSync(Buffer.from(writeToUnicode(map, codeBytes(fontDict)), 'latin1'));
      updates.set(cmapNum, { dict: '/Filter /FlateDecode', data });
    }
  }
  return updates.size === 0 ? pdf : objects.withUpdates(updates);
}

interface FontRef {
  num: number;
  /** Bytes per character code: 1 for simple fonts (Type 3), 2 for Type 0 (Identity-H). */
  bytes: number;
}

const codeBytes = (fontDict: string): number => (/\/Subtype\s*\/Type0\b/.test(fontDict) ? 2 : 1);

function fontResources(objects: PdfObjects, pageDict: string): Map<string, FontRef> {
  let resources = pageDict;
  const indirect = /\/Resources\s+(\d+)\s+0\s+R/.exec(pageDict);
  if (indirect) resources = objects.get(Number(indirect[1]))?.dict ?? '';
  let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
  const fontIndirect = /\/Font\s+(\d+)\s+0\s+R/.exec(resources);
  if (fontIndirect) fontDict = objects.get(Number(fontIndirect[1]))?.dict ?? '';
  const fonts = new Map<string, FontRef>();
  for (const m of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
    const num = Number(m[2]);
    fonts.set(m[1]!, { num, bytes: codeBytes(objects.get(num)?.dict ?? '') });
  }
  return fonts;
}

function contentRefs(pageDict: string): number[] {
  const single = /\/Contents\s+(\d+)\s+0\s+R/.exec(pageDict);
  if (single) return [Number(single[1])];
  const array = /\/Contents\s*\[([^\]]*)\]/.exec(pageDict)?.[1] ?? '';
  return [...array.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
}

const TOKENS =
  /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf\b|\/Span\s*<<\s*\/ActualText\s*<([0-9A-Fa-f\s]*)>\s*>>\s*BDC\b|<([0-9A-Fa-f\s]*)>\s*Tj\b|\[([^\]]*)\]\s*TJ\b|\(|(?<![\w/])(EMC|BDC|BMC|q|Q)(?!\w)/g;

/** Records, per font and code, the ActualText of every span that shows exactly one glyph. */
function scanContent(
  content: string,
  fonts: Map<string, FontRef>,
  observed: Map<number, Map<number, Set<string>>>,
) {
  const fontStack: (FontRef | undefined)[] = [];
  let font: FontRef | undefined;
  let span: { text: string; glyphs: { font: FontRef | undefined; code: number }[]; depth: number } | null =
    null;
  let depth = 0;
  const show = (hex: string) => {
    if (!span || !font) return;
    const digits = hex.replace(/\s/g, '');
    for (let i = 0; i + font.bytes * 2 <= digits.length; i += font.bytes * 2) {
      span.glyphs.push({ font, code: Number.parseInt(digits.slice(i, i + font.bytes * 2), 16) });
    }
  };
  for (const m of content.matchAll(TOKENS)) {
    if (m[1] !== undefined) font = fonts.get(m[1]);
    else if (m[2] !== undefined) {
      depth += 1;
      if (!span) span = { text: utf16be(m[2]), glyphs: [], depth };
    } else if (m[3] !== undefined) show(m[3]);
    else if (m[4] !== undefined) for (const s of m[4].matchAll(/<([0-9A-Fa-f\s]*)>/g)) show(s[1]!);
    else if (m[0] === '(') {
      // A literal string: its glyphs are not counted, so the span is left alone.
      if (span) span.glyphs.push({ font: undefined, code: -1 }, { font: undefined, code: -1 });
    } else if (m[5] === 'q') fontStack.push(font);
    else if (m[5] === 'Q') font = fontStack.pop();
    else if (m[5] === 'BDC' || m[5] === 'BMC') depth += 1;
    else if (m[5] === 'EMC') {
      if (span && span.depth === depth) {
        const [glyph] = span.glyphs;
        if (span.glyphs.length === 1 && glyph?.font && span.text !== '') {
          const codes = observed.get(glyph.font.num) ?? new Map<number, Set<string>>();
          observed.set(glyph.font.num, codes);
          codes.set(glyph.code, (codes.get(glyph.code) ?? new Set()).add(span.text));
        }
        span = null;
      }
      depth = Math.max(0, depth - 1);
    }
  }
}

/** "FEFF6708" (UTF-16BE with or without a BOM) → "月". */
function utf16be(hex: string): string {
  const digits = hex.replace(/\s/g, '').replace(/^FEFF/i, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= digits.length; i += 4) units.push(Number.parseInt(digits.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

const toHex = (text: string): string =>
  [...text]
    .flatMap((c) => {
      const cp = c.codePointAt(0)!;
      if (cp < 0x10000) return [cp];
      const v = cp - 0x10000;
      return [0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)];
    })
    .map((u) => u.toString(16).toUpperCase().padStart(4, '0'))
    .join('');

/** bfchar and bfrange entries (both forms) of a ToUnicode CMap → code → text. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      map.set(Number.parseInt(m[1]!, 16), utf16be(m[2]!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g,
    )) {
      const lo = Number.parseInt(m[1]!, 16);
      const hi = Number.parseInt(m[2]!, 16);
      const target = m[3]!;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9A-Fa-f]*)>/g)].forEach((t, i) => {
          if (lo + i <= hi) map.set(lo + i, utf16be(t[1]!));
        });
      } else {
        const base = utf16be(target.slice(1, -1));
        const last = base.charCodeAt(base.length - 1);
        for (let code = lo; code <= hi; code += 1) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(last + code - lo));
        }
      }
    }
  }
  return map;
}

function writeToUnicode(map: Map<number, string>, bytes: number): string {
  const code = (c: number) =>
    c
      .toString(16)
      .toUpperCase()
      .padStart(bytes * 2, '0');
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk.map(([c, t]) => `<${code(c)}> <${toHex(t)}>`).join('\n')}\nendbfchar`,
    );
  }
  const range = bytes === 2 ? '<0000> <FFFF>' : '<00> <FF>';
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    `1 begincodespacerange\n${range}\nendcodespacerange`,
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
