import { AppError } from '../../../../core/errors.ts';
import { INGEST_LIMITS } from '../../source-document.ts';
import { collectRules, type Matrix } from '../layout/pdf-rules.ts';
import type { TextRun } from '../layout/pdf-runs.ts';
import { mapPdfCharacters } from '../layout/pdf-text.ts';
import {
  MAX_TEXT_ITEMS_PER_PAGE,
  MIN_VALUES_FOR_TABLE,
  NUMERIC_RUN,
  type PdfPageContent,
} from '../pdf-page-content.ts';
import { RULE_OPS } from './drawing-ops.ts';
import { PageInterpreter } from './page-content.ts';
import { PdfFile } from './pdf-file.ts';
import { FontCache } from './pdf-font.ts';
import { isName, isNumber, type PdfDict, type PdfObject, PdfStream, unsupported } from './pdf-objects.ts';
import { transform } from './text-state.ts';

/** Right-to-left scripts: pdfjs reorders them (bidi); the fast reader leaves such text to it. */
const RIGHT_TO_LEFT = /[\u0590-\u08ac]/;
/** Most page-tree nodes visited. */
const MAX_TREE_NODES = 10_000;
const LETTER = [0, 0, 612, 792];

interface PageNode {
  dict: PdfDict;
  resources: PdfDict | undefined;
  mediaBox: PdfObject | undefined;
  cropBox: PdfObject | undefined;
  rotate: PdfObject | undefined;
}

/**
 * Reads every page of a text-layer PDF without pdfjs, giving the same PdfPageContent as
 * pdfjs/pdf-page.ts loadPageText. Throws PdfFastUnsupported (the caller then uses pdfjs) for anything
 * outside what it reads exactly like pdfjs; throws AppError DOCUMENT_REFUSED for the limits
 * (pages, text items per page) with pdfjs's messages.
 */
export function readPagesFast(bytes: Uint8Array): PdfPageContent[] {
  const file = new PdfFile(bytes);
  const catalog = file.dict(file.trailer.get('Root'));
  const root = file.dict(catalog?.get('Pages'));
  if (!root) return unsupported('no page tree');
  const count = file.resolve(root.get('Count'));
  if (!Number.isInteger(count) || (count as number) < 0) return unsupported('bad page count');
  if ((count as number) > INGEST_LIMITS.maxPdfPages) {
    throw new AppError('DOCUMENT_REFUSED', `PDF 有 ${count} 页，超过上限 ${INGEST_LIMITS.maxPdfPages} 页`);
  }
  const leaves = pageLeaves(file, root);
  if (leaves.length !== count) unsupported('page count differs from the tree');
  const fonts = new FontCache(file);
  return leaves.map((node, index) => readPage(file, fonts, node, index + 1));
}

function pageLeaves(file: PdfFile, root: PdfDict): PageNode[] {
  const leaves: PageNode[] = [];
  let visited = 0;
  const walk = (dict: PdfDict, inherited: Omit<PageNode, 'dict'>, depth: number): void => {
    visited += 1;
    if (visited > MAX_TREE_NODES || depth > 64) unsupported('page tree too large or deep');
    const own: Omit<PageNode, 'dict'> = {
      resources: file.dict(dict.get('Resources')) ?? inherited.resources,
      mediaBox: dict.get('MediaBox') ?? inherited.mediaBox,
      cropBox: dict.get('CropBox') ?? inherited.cropBox,
      rotate: dict.get('Rotate') ?? inherited.rotate,
    };
    const kids = file.resolve(dict.get('Kids'));
    if (isName(file.resolve(dict.get('Type')), 'Page') || kids === undefined) {
      leaves.push({ dict, ...own });
      return;
    }
    if (!Array.isArray(kids)) unsupported('bad Kids');
    for (const kid of kids) {
      const child = file.dict(kid);
      if (!child) unsupported('page tree node is not a dictionary');
      walk(child, own, depth + 1);
    }
  };
  walk(root, { resources: undefined, mediaBox: undefined, cropBox: undefined, rotate: undefined }, 0);
  return leaves;
}

function readPage(file: PdfFile, fonts: FontCache, node: PageNode, number: number): PdfPageContent {
  const view = pageView(file, node);
  const base: Matrix = [1, 0, 0, -1, -view[0]!, view[3]!];
  const interpreter = new PageInterpreter(file, fonts, view, MAX_TEXT_ITEMS_PER_PAGE, () => {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `PDF 第 ${number} 页的文字片段超过 ${MAX_TEXT_ITEMS_PER_PAGE} 个，不像年度报告，无法读取`,
    );
  });
  const drawing = interpreter.run(contentBytes(file, node.dict), node.resources);
  const runs: TextRun[] = [];
  for (const item of drawing.items) {
    if (item.str.trim() === '') continue;
    if (RIGHT_TO_LEFT.test(item.str)) unsupported('right-to-left text');
    const m = transform(base, item.transform);
    const size = Math.hypot(m[2]!, m[3]!);
    const horizontal = Math.abs(m[1]!) <= Math.abs(m[0]!) * 0.3;
    runs.push({
      text: mapPdfCharacters(item.str),
      x: m[4]!,
      y: m[5]!,
      width: horizontal ? item.width : size,
      size,
    });
  }
  const values = runs.filter((r) => NUMERIC_RUN.test(r.text)).length;
  let rules = null;
  if (values >= MIN_VALUES_FOR_TABLE) {
    if (drawing.rulesUnsupported) unsupported('colours pdfjs converts differently');
    rules = collectRules(drawing.fnArray, drawing.argsArray, RULE_OPS, base);
  }
  return { runs, rules, width: view[2]! - view[0]!, height: view[3]! - view[1]! };
}

function pageView(file: PdfFile, node: PageNode): number[] {
  const media = box(file, node.mediaBox) ?? LETTER;
  const crop = box(file, node.cropBox);
  if (crop?.some((v, i) => v !== media[i])) unsupported('CropBox differs from MediaBox');
  const rotate = file.resolve(node.rotate) ?? 0;
  if (!isNumber(rotate) || (rotate % 90 === 0 && ((rotate % 360) + 360) % 360 !== 0))
    unsupported('rotated page');
  const unit = file.resolve(node.dict.get('UserUnit'));
  if (unit !== undefined && unit !== 1) unsupported('UserUnit');
  return media;
}

function box(file: PdfFile, value: PdfObject | undefined): number[] | undefined {
  const raw = file.resolve(value);
  if (!Array.isArray(raw) || raw.length !== 4) return undefined;
  const v = raw.map((x) => file.resolve(x));
  if (!v.every(isNumber)) return undefined;
  const [a, b, c, d] = v as number[];
  return [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
}

/** The page's content streams decoded and joined as pdfjs joins them (no separator). */
function contentBytes(file: PdfFile, page: PdfDict): Uint8Array {
  const contents = file.resolve(page.get('Contents'));
  if (contents === undefined || contents === null) return new Uint8Array(0);
  if (contents instanceof PdfStream) return file.decode(contents);
  if (!Array.isArray(contents)) return unsupported('bad Contents');
  const parts = contents.map((part) => {
    const stream = file.resolve(part);
    if (!(stream instanceof PdfStream)) return unsupported('Contents part is not a stream');
    return file.decode(stream);
  });
  return Buffer.concat(parts);
}
