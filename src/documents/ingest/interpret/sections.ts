import { SECTION_CAPTIONS } from '../../../core/report/labels.ts';
import { compact, normalizeLabel } from '../../../core/report/normalize-text.ts';
import type { SourceLine } from '../source-document.ts';

/** Keywords that identify each section caption (一 … 六) even when its wording deviates. */
export const CAPTION_KEYS: ReadonlyArray<RegExp> = [
  /总体情况/,
  /主动公开/,
  /申请/,
  /复议|诉讼/,
  /问题/,
  /其他/,
];
const NUMERALS = '一二三四五六';

export interface Caption {
  /** 1 … 6 */
  number: number;
  index: number;
  printed: string;
  standard: boolean;
}

export interface Segments {
  captions: Caption[];
  /** Lines before the first caption (title, preamble). */
  head: SourceLine[];
  /** Lines of section N (1 … 6), caption excluded. Empty when the caption was not found. */
  body: Map<number, SourceLine[]>;
}

function lineText(line: SourceLine): string {
  const { cells } = line;
  if (cells.length === 1) return cells[0]!.trim() === '' ? '' : cells[0]!;
  return cells.filter((c) => c.trim() !== '').join('');
}

const STARTS_WITH_NUMERAL = /^[\s\u3000#*]*[一二三四五六]/;

export function captionOf(line: SourceLine): { number: number; printed: string } | null {
  const { cells } = line;
  const first = cells.length === 1 ? cells[0] : cells.find((c) => c.trim() !== '');
  if (first === undefined || !STARTS_WITH_NUMERAL.test(first)) return null;
  const text = compact(lineText(line));
  if (text.length > 40) return null;
  // The caption's numeral is followed by 、 (or a full stop); "六）其他处理" of a wrapped table cell is not a caption.
  const m = /^([一二三四五六])[、.．]/.exec(text);
  if (!m) return null;
  const number = NUMERALS.indexOf(m[1]!) + 1;
  return CAPTION_KEYS[number - 1]!.test(text) ? { number, printed: lineText(line).trim() } : null;
}

/**
 * Finds the six section captions (first occurrence of each, in document order) and splits the
 * lines between them. Table-三 rows such as "三、本年度办理结果" are not captions: the keyword of
 * each numeral rules them out.
 */
export function segment(lines: readonly SourceLine[]): Segments {
  const captions: Caption[] = [];
  lines.forEach((line, index) => {
    const c = captionOf(line);
    if (!c || captions.some((k) => k.number === c.number)) return;
    const official = normalizeLabel(SECTION_CAPTIONS[c.number - 1]!);
    captions.push({ ...c, index, standard: normalizeLabel(c.printed) === official });
  });
  const ordered = [...captions].sort((a, b) => a.index - b.index);
  const body = new Map<number, SourceLine[]>();
  ordered.forEach((c, i) => {
    const end = ordered[i + 1]?.index ?? lines.length;
    body.set(c.number, lines.slice(c.index + 1, end));
  });
  const head = lines.slice(0, ordered[0]?.index ?? lines.length);
  return { captions, head, body };
}

/** Website furniture around a published report: print/close links, sharing, the site's footer. */
export const PAGE_CHROME =
  /【打印本页】|【关闭窗口】|【打印】|【关闭】|分享到[:：]|主办(?:单位)?[:：]|承办(?:单位)?[:：]|网站标识码|ICP备|公网安备|版权所有|技术支持[:：]|网站地图|联系我们|扫一扫在手机/;

/** The lines of the last section up to the first line of page chrome (the report ends there). */
export function withoutPageChrome(lines: readonly SourceLine[]): SourceLine[] {
  const end = lines.findIndex((l) => PAGE_CHROME.test(l.cells.join('')));
  return end < 0 ? [...lines] : lines.slice(0, end);
}
