import type { Segment } from '../pdf/layout/pdf-rules.ts';
import type { TextRun } from '../pdf/layout/pdf-runs.ts';
import type { PdfPageContent } from '../pdf/pdf-page-content.ts';
import { binarise, despeckle, speckArea } from './despeckle.ts';
import type { GrayImage } from './gray-image.ts';
import { inkThreshold } from './gray-image.ts';
import { type Crop, enlarged, layStrip, placeWords, pnm, type Strip, stacked } from './ocr-strip.ts';
import { type CellBox, eraseRules, findCells, findRules, inkIn, type PixelRule } from './ruling-lines.ts';
import { type OcrWord, type RecogniseOptions, recogniseMany } from './tesseract.ts';

/** A ruled cell as OCR read it, in points (viewport space of the page, y downwards). */
export interface OcrCell {
  left: number;
  top: number;
  right: number;
  bottom: number;
  text: string;
  /** 0–100; 100 for a cell with no ink (certainly blank). */
  confidence: number;
  /** Read as a count (digits only). */
  digits: boolean;
}

export interface OcrPage {
  content: PdfPageContent;
  cells: OcrCell[];
  /** Confidence of every word read on the page (text and cells), for the scan summary. */
  confidences: number[];
}

/** Text a Chinese recogniser makes of a printed count: digits and look-alikes only. */
const DIGIT_LIKE = /^[0-9oOlI|〇.,，。．\s]*$/;
const DIGITS = '0123456789.';
/**
 * Confidence given to a count whose two readings differ: under LOW_OCR_CONFIDENCE, so the arithmetic
 * proofreader checks it (kept when its identities hold, repaired or left blank when not) and a
 * cell no identity checks is named (OCR-03).
 */
const DISAGREEING = 40;
/** Grey level under which a pixel of the black-and-white page is ink. */
const THRESHOLD = 128;

/** A page laid out for the recogniser: its rules and cells, and the crops to read. */
interface PreparedPage {
  rules: ReturnType<typeof findRules>;
  clean: GrayImage;
  width: number;
  height: number;
  /** The cells without ink, and later every cell read. */
  cells: OcrCell[];
  /** The whole cell of each tight crop. */
  cellOf: Map<CellBox, CellBox>;
  /** The cells' crops (grey), under the page with its tables painted out. */
  text: Strip;
  /** The page with its tables painted out, stacked above the strip of `text` (freed once read). */
  chinese: GrayImage | null;
}

/**
 * Reads straightened page images, all scanned at `dpi`: on each page finds the ruled cells
 * (ruling-lines.ts), reads every cell with ink in a Chinese pass over a strip of the crops, reads
 * again the cells that hold a count in a digits-only pass; the text outside the tables is read in
 * the Chinese pass too, the page with its tables painted out stacked above the strip. Each pass
 * reads all the pages with one recogniser call (recogniseMany: its start-up costs as much as a
 * page). The result, per page, is the page as the PDF layout takes it (a run per word or cell, the
 * rules) plus each cell's reading and confidence.
 */
export async function ocrPages(pages: readonly GrayImage[], dpi: number): Promise<OcrPage[]> {
  const prepared = pages.map((gray) => preparePage(gray, dpi));
  // Each page image is let go once its PGM is made: the reader process's memory is capped.
  const offsets = prepared.map((page) => page.chinese!.height - page.text.image.height);
  const chinese = await recogniseMany(
    prepared.map((page) => {
      const bytes = pnm(page.chinese!);
      page.chinese = null;
      return bytes;
    }),
    { lang: 'chi_sim', psm: 6, dpi },
  );
  const free = prepared.map((page, i) => {
    const offset = offsets[i]!;
    placeWords(
      page.text,
      chinese[i]!.filter((w) => w.top + w.height / 2 >= offset),
      offset,
    );
    return chinese[i]!.filter((w) => w.top + w.height / 2 < offset);
  });
  const digits = { lang: 'eng', psm: 6, whitelist: DIGITS, dpi } as const;
  // The cells that may hold a count, read again digits-only in black and white.
  const digitStrips = prepared.map((page) =>
    digitStrip(
      page.clean,
      page.text.crops.filter((crop) => mayBeCount(crop, page.text.crops, dpi)).map((c) => c.box),
      dpi,
    ),
  );
  await readStrips(digitStrips, digits, 1);
  // A lone narrow digit (a “1”) is sometimes passed over at scan size: such crops are read again, enlarged.
  const missed = digitStrips.map((strip) => strip.crops.filter((crop) => crop.words.length === 0));
  const again = prepared.map((page, i) =>
    digitStrip(
      page.clean,
      missed[i]!.map((c) => c.box),
      dpi,
    ),
  );
  await readStrips(again, digits, 2);
  for (const [i, crops] of missed.entries()) {
    for (const [j, crop] of crops.entries()) crop.words = again[i]!.crops[j]!.words;
  }
  return prepared.map((page, i) => readPage(page, digitStrips[i]!.crops, free[i]!, dpi));
}

/** Reads one straightened page image (ocrPages of one page). */
export async function ocrPage(gray: GrayImage, dpi: number): Promise<OcrPage> {
  return (await ocrPages([gray], dpi))[0]!;
}

function preparePage(gray: GrayImage, dpi: number): PreparedPage {
  // Black and white without specks (despeckle.ts) for the rules, the ink and the counts; the
  // Chinese text is read in grey (its strokes' shading helps the recogniser), the specks painted out.
  const ink = binarise(gray, Math.min(200, Math.max(60, inkThreshold(gray))));
  const image = despeckle(ink, { maxArea: speckArea(dpi), isolation: Math.round(dpi * 0.04) });
  const rules = findRules(image, THRESHOLD, dpi);
  const boxes = findCells(rules, dpi);
  const clean = eraseRules(image, rules);
  const greyData = new Uint8Array(gray.data);
  for (let i = 0; i < greyData.length; i += 1)
    if (ink.data[i] === 0 && image.data[i] !== 0) greyData[i] = 255;
  const grey = eraseRules({ width: gray.width, height: gray.height, data: greyData }, rules);
  const pt = 72 / dpi;
  const minInk = Math.max(6, Math.round((dpi / 100) ** 2 * 4));
  const inked: CellBox[] = [];
  const cellOf = new Map<CellBox, CellBox>();
  const cells: OcrCell[] = [];
  for (const box of boxes) {
    const inner = inset(box, 2);
    const tight = inkIn(clean, inner, THRESHOLD) >= minInk ? inkBounds(clean, inner, THRESHOLD) : null;
    if (tight) {
      inked.push(tight);
      cellOf.set(tight, box);
    } else cells.push({ ...toPoints(box, pt), text: '', confidence: 100, digits: false });
  }
  // The cells' text and the page's text outside the tables (painted out) in one Chinese pass.
  const text = layStrip(grey, inked, dpi);
  return {
    rules,
    clean,
    width: image.width,
    height: image.height,
    cells,
    cellOf,
    text,
    chinese: stacked(paintOut(grey, boxes), text.image),
  };
}

/** A strip of crops to read digits-only: every blot smaller than a digit's stroke is a speck, unless it is a decimal point. */
function digitStrip(clean: GrayImage, boxes: CellBox[], dpi: number): Strip {
  const strip = layStrip(clean, boxes, dpi);
  return {
    ...strip,
    image: despeckle(strip.image, { maxArea: speckArea(dpi), isolation: 0, keepPoints: true }),
  };
}

/** Reads the strips that have crops with one recogniser call, drawn `scale` times larger. */
async function readStrips(strips: readonly Strip[], options: RecogniseOptions, scale: 1 | 2): Promise<void> {
  const toRead = strips.filter((strip) => strip.crops.length > 0);
  if (toRead.length === 0) return;
  const images = await Promise.all(
    toRead.map(async (strip) => pnm(scale === 2 ? await enlarged(strip.image) : strip.image)),
  );
  const words = await recogniseMany(images, { ...options, dpi: options.dpi * scale });
  for (const [i, strip] of toRead.entries()) placeWords(strip, words[i]!, 0, scale);
}

/** The page read: each cell's reading (the digits-only one where it wins), the free text, the rules. */
function readPage(page: PreparedPage, digitCrops: readonly Crop[], free: OcrWord[], dpi: number): OcrPage {
  const pt = 72 / dpi;
  const { cells } = page;
  const confidences: number[] = [];
  const digitsOf = new Map(digitCrops.map((crop) => [crop.box, crop]));
  for (const crop of page.text.crops) {
    const digit = digitsOf.get(crop.box);
    // The digits-only reading wins for what reads as a count, and where it is surer than the Chinese one.
    const useDigits =
      digit !== undefined && (isDigitLike(crop) || confidenceOf(digit.words) > confidenceOf(crop.words));
    const words = useDigits ? digit.words : crop.words;
    confidences.push(...words.map((w) => w.confidence));
    const text = joinWords(words);
    // Two readings of a count (Chinese in grey, digits-only in black and white) that differ: neither is trusted.
    const disagree = useDigits && asDigits(joinWords(crop.words)) !== asDigits(text);
    cells.push({
      ...toPoints(page.cellOf.get(crop.box)!, pt),
      text,
      confidence: disagree ? Math.min(confidenceOf(words), DISAGREEING) : confidenceOf(words),
      digits: useDigits,
    });
  }
  confidences.push(...free.map((w) => w.confidence));
  const runs = [...freeRuns(free, pt), ...cells.filter((c) => c.text !== '').map(cellRun)];
  const { rules } = page;
  return {
    content: {
      runs,
      rules: {
        horizontal: rules.horizontal.map((r) => segment(r, pt)),
        vertical: rules.vertical.map((r) => segment(r, pt)),
      },
      width: page.width * pt,
      height: page.height * pt,
    },
    cells,
    confidences,
  };
}

function inset(box: CellBox, by: number): CellBox {
  return { left: box.left + by, top: box.top + by, right: box.right - by, bottom: box.bottom - by };
}

function toPoints(box: CellBox, pt: number) {
  return { left: box.left * pt, top: box.top * pt, right: box.right * pt, bottom: box.bottom * pt };
}

function segment(rule: PixelRule, pt: number): Segment {
  return { x1: rule.x1 * pt, y1: rule.y1 * pt, x2: rule.x2 * pt, y2: rule.y2 * pt };
}

/** The least confident word of a cell (0 for a cell with ink and no word read). */
function confidenceOf(words: OcrWord[]): number {
  return words.length === 0 ? 0 : Math.min(...words.map((w) => w.confidence));
}

/** A count as either reading gives it, look-alikes as the digits they stand for, without spaces. */
function asDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[oO〇]/g, '0')
    .replace(/[lI|]/g, '1')
    .replace(/[,，。．]/g, '.')
    .replace(/\s+/g, '');
}

function isDigitLike(crop: Crop): boolean {
  return DIGIT_LIKE.test(joinWords(crop.words).normalize('NFKC'));
}

/**
 * Whether a cell may hold a count: it reads as digits, or it stands in a column or a row of cells
 * that do and reads as something short the Chinese recogniser is unsure of (a “1” read as “]” or “工”).
 */
function mayBeCount(crop: Crop, crops: readonly Crop[], dpi: number): boolean {
  if (isDigitLike(crop)) return true;
  const text = joinWords(crop.words);
  // Chinese text longer than a slip of a digit or two is a caption; other marks (“1]181”) may be a count.
  if (text.length > 3 && /\p{Script=Han}/u.test(text)) return false;
  const tolerance = dpi * 0.05;
  const cell = crop.box;
  const inCountColumn = crops.some(
    (other) =>
      other !== crop &&
      isDigitLike(other) &&
      Math.abs(other.box.left + other.box.right - cell.left - cell.right) <
        2 * tolerance + (cell.right - cell.left),
  );
  // Table 四 has one row of counts: there the row, not the column, tells a count cell.
  const inCountRow =
    crops.filter(
      (other) =>
        other !== crop &&
        isDigitLike(other) &&
        Math.abs(other.box.top + other.box.bottom - cell.top - cell.bottom) < 2 * tolerance,
    ).length >= 3;
  return (inCountColumn || inCountRow) && (confidenceOf(crop.words) < 90 || !/\p{Script=Han}/u.test(text));
}

/** The smallest box holding the ink of `box`, with a margin of two pixels. */
function inkBounds(image: GrayImage, box: CellBox, threshold: number): CellBox {
  let left = box.right;
  let right = box.left;
  let top = box.bottom;
  let bottom = box.top;
  for (let y = box.top; y < box.bottom; y += 1) {
    for (let x = box.left; x < box.right; x += 1) {
      if (image.data[y * image.width + x]! > threshold) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return {
    left: Math.max(box.left, left - 2),
    top: Math.max(box.top, top - 2),
    right: Math.min(box.right, right + 3),
    bottom: Math.min(box.bottom, bottom + 3),
  };
}

/** Words of a cell in reading order, joined without spaces (Chinese) or with one (between Latin words). */
function joinWords(words: OcrWord[]): string {
  let text = '';
  for (const word of words) {
    if (text !== '' && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z]/.test(word.text)) text += ' ';
    text += word.text;
  }
  return text;
}

/** The image with the cells painted white: what is left is the text outside the tables. */
function paintOut(image: GrayImage, boxes: CellBox[]): GrayImage {
  const data = new Uint8Array(image.data);
  for (const box of boxes) {
    for (let y = Math.max(0, box.top - 4); y < Math.min(image.height, box.bottom + 4); y += 1) {
      data.fill(
        255,
        y * image.width + Math.max(0, box.left - 4),
        y * image.width + Math.min(image.width, box.right + 4),
      );
    }
  }
  return { width: image.width, height: image.height, data };
}

/** A run per recognised word, on the baseline of its line, sized by its line's height. */
function freeRuns(words: OcrWord[], pt: number): TextRun[] {
  const lines = new Map<string, { top: number; bottom: number }>();
  for (const w of words) {
    const line = lines.get(w.lineKey);
    if (line) {
      line.top = Math.min(line.top, w.top);
      line.bottom = Math.max(line.bottom, w.top + w.height);
    } else lines.set(w.lineKey, { top: w.top, bottom: w.top + w.height });
  }
  return words.map((w) => {
    const line = lines.get(w.lineKey)!;
    const size = Math.max(4, (line.bottom - line.top) * pt * 0.9);
    return { text: w.text, x: w.left * pt, y: line.bottom * pt, width: w.width * pt, size };
  });
}

/** One run for a cell's whole text, centred in the cell. */
function cellRun(cell: OcrCell): TextRun {
  const size = Math.min(cell.bottom - cell.top, 10.5);
  const cy = (cell.top + cell.bottom) / 2;
  return {
    text: cell.text,
    x: cell.left + 1,
    y: cy + size * 0.35,
    width: Math.max(1, cell.right - cell.left - 2),
    size,
  };
}
