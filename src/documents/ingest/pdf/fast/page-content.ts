import {
  CLOSE_PATH,
  CURVE_TO,
  closesPath,
  colorSpaceOf,
  grayRgb,
  hex,
  LINE_TO,
  MOVE_TO,
  PAINT,
  RULE_OPS,
  rgb,
} from './drawing-ops.ts';
import {
  type GraphicsState,
  MAX_FORM_DEPTH,
  MAX_OPERATORS_PER_PAGE,
  type PageDrawing,
} from './page-drawing.ts';
import type { PdfFile } from './pdf-file.ts';
import type { FontCache } from './pdf-font.ts';
import { ARRAY_START, DICT_START, PdfLexer } from './pdf-lexer.ts';
import {
  isName,
  isNumber,
  type PdfDict,
  PdfName,
  type PdfObject,
  PdfOperator,
  PdfRef,
  PdfStream,
  stringOperand,
  unsupported,
} from './pdf-objects.ts';
import { skipInlineImage } from './pdf-skip.ts';
import { TextItemBuilder } from './text-items.ts';
import {
  carriageReturn,
  cloneTextState,
  fontChanged,
  newTextState,
  requireFont,
  transform,
  translateTextLineMatrix,
} from './text-state.ts';

/**
 * Interprets a page's content streams once, for text (as pdfjs's getTextContent) and for the
 * drawing (as the operator list collectRules reads from pdfjs's getOperatorList).
 */
export class PageInterpreter {
  private readonly drawing: PageDrawing = {
    items: [],
    itemCount: 0,
    fnArray: [],
    argsArray: [],
    rulesUnsupported: false,
  };
  private operators = 0;

  constructor(
    private readonly file: PdfFile,
    private readonly fonts: FontCache,
    private readonly viewBox: number[],
    private readonly maxItems: number,
    private readonly onTooManyItems: () => never,
  ) {}

  run(content: Uint8Array, resources: PdfDict | undefined): PageDrawing {
    this.interpret(
      content,
      resources,
      { text: newTextState(), fillSpace: 'gray', strokeSpace: 'gray' },
      0,
      new Set(),
    );
    return this.drawing;
  }

  private emit(fn: number, args: unknown): void {
    this.drawing.fnArray.push(fn);
    this.drawing.argsArray.push(args);
  }

  private interpret(
    content: Uint8Array,
    resources: PdfDict | undefined,
    initial: GraphicsState,
    depth: number,
    forms: Set<PdfObject>,
  ): void {
    const file = this.file;
    const drawing = this.drawing;
    const builder = new TextItemBuilder(initial.text, this.viewBox, drawing.items, () => {
      drawing.itemCount += 1;
      if (drawing.itemCount > this.maxItems) this.onTooManyItems();
    });
    let state = initial;
    const stack: GraphicsState[] = [];
    const path: number[] = [];
    let currentX = 0;
    let currentY = 0;
    const lexer = new PdfLexer(content);
    const operands: PdfObject[] = [];
    const num = (i: number): number => {
      const v = operands[operands.length - i];
      return typeof v === 'number' ? v : Number.NaN;
    };
    for (;;) {
      const token = lexer.next();
      if (token === undefined) break;
      if (!(token instanceof PdfOperator)) {
        operands.push(token);
        continue;
      }
      if (token === DICT_START) {
        // Marked-content properties (BDC): read by neither the text nor the rules.
        lexer.skipDictionary();
        operands.push(null);
        continue;
      }
      if (token === ARRAY_START) {
        lexer.pos -= 1;
        const value = lexer.object(false);
        if (value === undefined || value instanceof PdfOperator) unsupported('bad operand');
        operands.push(value);
        continue;
      }
      this.operators += 1;
      if (this.operators > MAX_OPERATORS_PER_PAGE) unsupported('too many operators');
      const op = token.op;
      const text = state.text;
      builder.state = text;
      switch (op) {
        case 'q':
          stack.push(state);
          state = { ...state, text: cloneTextState(text) };
          builder.state = state.text;
          this.emit(RULE_OPS.save, null);
          break;
        case 'Q': {
          const previous = state;
          state = stack.pop() ?? state;
          builder.state = state.text;
          const now = state.text;
          if (fontChanged(now, previous.text)) builder.flush();
          this.emit(RULE_OPS.restore, null);
          break;
        }
        case 'cm': {
          if (operands.length < 6) break;
          const m = operands.slice(-6);
          if (!m.every(isNumber)) unsupported('bad cm');
          text.ctm = transform(text.ctm, m as number[]);
          this.emit(RULE_OPS.transform, m);
          break;
        }
        case 'BT':
          text.textMatrix = [1, 0, 0, 1, 0, 0];
          text.textLineMatrix = [1, 0, 0, 1, 0, 0];
          break;
        case 'ET':
          break;
        case 'Tf': {
          const name = operands[operands.length - 2];
          const size = operands[operands.length - 1];
          if (!(name instanceof PdfName) || !isNumber(size)) unsupported('bad Tf');
          if (text.font && name.name === text.fontName && size === text.fontSize) break;
          builder.flush();
          text.fontName = name.name;
          text.fontSize = size;
          text.font = this.fonts.font(resources, name.name);
          if (text.font.isType3 && size <= 1) unsupported('Type 3 font at size 1 or less');
          break;
        }
        case 'Ts':
          text.textRise = num(1);
          break;
        case 'Tz':
          text.textHScale = num(1) / 100;
          break;
        case 'TL':
          text.leading = num(1);
          break;
        case 'Tc':
          text.charSpacing = num(1);
          break;
        case 'Tw':
          text.wordSpacing = num(1);
          break;
        case 'Td':
          translateTextLineMatrix(text, num(2), num(1));
          text.textMatrix = text.textLineMatrix.slice();
          break;
        case 'TD':
          text.leading = -num(1);
          translateTextLineMatrix(text, num(2), num(1));
          text.textMatrix = text.textLineMatrix.slice();
          break;
        case 'T*':
          carriageReturn(text);
          break;
        case 'Tm': {
          if (operands.length < 6) break;
          const m = operands.slice(-6);
          if (!m.every(isNumber)) unsupported('bad Tm');
          text.textMatrix = (m as number[]).slice();
          text.textLineMatrix = (m as number[]).slice();
          builder.updateAdvanceScale();
          break;
        }
        case 'Tj':
          requireFont(text);
          builder.show(stringOperand(operands), 0);
          break;
        case "'":
          requireFont(text);
          carriageReturn(text);
          builder.show(stringOperand(operands), 0);
          break;
        case '"':
          requireFont(text);
          text.wordSpacing = num(3);
          text.charSpacing = num(2);
          carriageReturn(text);
          builder.show(stringOperand(operands), 0);
          break;
        case 'TJ': {
          requireFont(text);
          const elements = operands[operands.length - 1];
          if (!Array.isArray(elements)) unsupported('bad TJ');
          builder.showArray(elements, ((text.font!.vertical ? 1 : -1) * text.fontSize) / 1000);
          break;
        }
        case 'Do': {
          builder.flush();
          const name = operands[operands.length - 1];
          if (!(name instanceof PdfName)) unsupported('bad Do');
          this.paintXObject(name.name, resources, state, depth, forms);
          break;
        }
        case 'gs': {
          const name = operands[operands.length - 1];
          if (!(name instanceof PdfName)) unsupported('bad gs');
          const gstate = file.dict(file.dict(resources?.get('ExtGState'))?.get(name.name));
          if (gstate?.get('Font') !== undefined) unsupported('ExtGState with a font');
          break;
        }
        case 'BDC':
        case 'BMC':
        case 'EMC':
          builder.flush();
          break;
        case 'BI':
          skipInlineImage(lexer);
          break;
        // Paths, for the rules.
        case 're': {
          const x = num(4);
          const y = num(3);
          const xw = x + num(2);
          const yh = y + num(1);
          currentX = x;
          currentY = y;
          if (num(2) === 0 || num(1) === 0) path.push(MOVE_TO, x, y, LINE_TO, xw, yh, CLOSE_PATH);
          else path.push(MOVE_TO, x, y, LINE_TO, xw, y, LINE_TO, xw, yh, LINE_TO, x, yh, CLOSE_PATH);
          break;
        }
        case 'm':
          currentX = num(2);
          currentY = num(1);
          path.push(MOVE_TO, currentX, currentY);
          break;
        case 'l':
          currentX = num(2);
          currentY = num(1);
          path.push(LINE_TO, currentX, currentY);
          break;
        case 'c':
          path.push(CURVE_TO, num(6), num(5), num(4), num(3), num(2), num(1));
          currentX = num(2);
          currentY = num(1);
          break;
        case 'v':
          path.push(CURVE_TO, currentX, currentY, num(4), num(3), num(2), num(1));
          currentX = num(2);
          currentY = num(1);
          break;
        case 'y':
          path.push(CURVE_TO, num(4), num(3), num(2), num(1), num(2), num(1));
          currentX = num(2);
          currentY = num(1);
          break;
        case 'h':
          path.push(CLOSE_PATH);
          break;
        case 'S':
        case 's':
        case 'f':
        case 'F':
        case 'f*':
        case 'B':
        case 'B*':
        case 'b':
        case 'b*':
        case 'n': {
          const fn = PAINT[op]!;
          if (closesPath(fn)) path.push(CLOSE_PATH);
          if (path.length === 0) this.emit(RULE_OPS.constructPath, [fn, [null], null]);
          else {
            this.emit(RULE_OPS.constructPath, [fn, [new Float32Array(path)], null]);
            path.length = 0;
          }
          break;
        }
        // Colours, for telling visible rules from white ones.
        case 'g':
        case 'G':
          this.color(op === 'g', hex(grayRgb(num(1))));
          if (op === 'g') state.fillSpace = 'gray';
          else state.strokeSpace = 'gray';
          break;
        case 'rg':
        case 'RG':
          this.color(op === 'rg', hex(rgb(num(3), num(2), num(1))));
          if (op === 'rg') state.fillSpace = 'rgb';
          else state.strokeSpace = 'rgb';
          break;
        case 'k':
        case 'K':
          // pdfjs converts CMYK with its own polynomial: not ported.
          this.drawing.rulesUnsupported = true;
          if (op === 'k') state.fillSpace = 'other';
          else state.strokeSpace = 'other';
          break;
        case 'cs':
        case 'CS': {
          const name = operands[operands.length - 1];
          const space = colorSpaceOf(name);
          if (op === 'cs') state.fillSpace = space;
          else state.strokeSpace = space;
          break;
        }
        case 'sc':
        case 'scn':
        case 'SC':
        case 'SCN': {
          const fill = op === 'sc' || op === 'scn';
          const space = fill ? state.fillSpace : state.strokeSpace;
          if (space === 'gray') this.color(fill, hex(grayRgb(num(1))));
          else if (space === 'rgb') this.color(fill, hex(rgb(num(3), num(2), num(1))));
          else this.drawing.rulesUnsupported = true;
          break;
        }
      }
      operands.length = 0;
    }
    builder.flush();
  }

  private color(fill: boolean, value: string): void {
    this.emit(fill ? RULE_OPS.setFillRGBColor : RULE_OPS.setStrokeRGBColor, [value]);
  }

  private paintXObject(
    name: string,
    resources: PdfDict | undefined,
    state: GraphicsState,
    depth: number,
    forms: Set<PdfObject>,
  ): void {
    const file = this.file;
    const raw = file.dict(resources?.get('XObject'))?.get(name);
    if (raw === undefined) unsupported('XObject not in resources');
    const xobject = file.resolve(raw);
    if (!(xobject instanceof PdfStream)) unsupported('XObject is not a stream');
    const subtype = file.resolve(xobject.dict.get('Subtype'));
    if (!isName(subtype, 'Form')) return;
    const key = raw instanceof PdfRef ? raw.num : raw;
    if (forms.has(key) || depth >= MAX_FORM_DEPTH) unsupported('form loop or too deep');
    const matrixValue = file.resolve(xobject.dict.get('Matrix'));
    const matrix =
      Array.isArray(matrixValue) && matrixValue.length === 6 && matrixValue.every(isNumber)
        ? (matrixValue as number[])
        : null;
    const text = cloneTextState(state.text);
    if (matrix) text.ctm = transform(text.ctm, matrix);
    this.emit(RULE_OPS.paintFormXObjectBegin, [matrix, null]);
    const own = file.dict(xobject.dict.get('Resources'));
    forms.add(key);
    this.interpret(file.decode(xobject), own ?? resources, { ...state, text }, depth + 1, forms);
    forms.delete(key);
    this.emit(RULE_OPS.paintFormXObjectEnd, null);
  }
}
