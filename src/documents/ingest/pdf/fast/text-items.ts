import { type TextState, translateTextMatrix } from './text-state.ts';

/** One pdfjs-style text item: its string, width and the text transform at its start (user space). */
export interface TextItem {
  str: string;
  width: number;
  transform: number[];
}

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/**
 * pdfjs 5.4's getTextContent item building (evaluator.js: buildTextContentItem,
 * compareWithLastPosition, addFakeSpaces, flushTextContentItem), ported for horizontal and
 * vertical (Identity-V) fonts with
 * normalisation off and whitespace not kept, so that the fast reader's items are pdfjs's items:
 * glyphs join one item while they follow on; a gap of 0.102–0.6 font sizes becomes a space inside
 * it; a wider gap, a step back or a new line ends it. Whitespace-only items are counted, not kept.
 * One builder serves one content stream (pdfjs starts afresh inside each Form XObject).
 */
export class TextItemBuilder {
  private initialized = false;
  private str: string[] = [];
  private totalWidth = 0;
  private totalHeight = 0;
  private width = 0;
  private height = 0;
  /** The item was started with a vertical font: it grows in height, not width. */
  private vertical = false;
  private prevTransform: number[] | null = null;
  private textAdvanceScale = 0;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  private trackingSpaceMin = Number.POSITIVE_INFINITY;
  private negativeSpaceMax = Number.NEGATIVE_INFINITY;
  private notASpace = Number.NEGATIVE_INFINITY;
  private transform: number[] | null = null;
  private readonly scratch = [0, 0, 0, 0, 0, 0];
  private readonly previous = [0, 0, 0, 0, 0, 0];
  private readonly twoLastChars = [' ', ' '];
  private twoLastCharsPos = 0;
  state: TextState;

  constructor(
    state: TextState,
    private readonly viewBox: number[],
    private readonly out: TextItem[],
    /** Called for every item pdfjs would emit, kept or not (for the per-page limit). */
    private readonly counted: () => void,
  ) {
    this.state = state;
  }

  private saveLastChar(char: string): boolean {
    const nextPos = (this.twoLastCharsPos + 1) % 2;
    const ret = this.twoLastChars[this.twoLastCharsPos] !== ' ' && this.twoLastChars[nextPos] === ' ';
    this.twoLastChars[this.twoLastCharsPos] = char;
    this.twoLastCharsPos = nextPos;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    return (
      this.twoLastChars[this.twoLastCharsPos] !== ' ' &&
      this.twoLastChars[(this.twoLastCharsPos + 1) % 2] === ' '
    );
  }

  private resetLastChars(): void {
    this.twoLastChars[0] = this.twoLastChars[1] = ' ';
    this.twoLastCharsPos = 0;
  }

  private pushWhitespace(): void {
    this.counted();
  }

  /**
   * pdfjs's getCurrentTextTransform: ctm × textMatrix × [size·hscale 0 0 size 0 rise], with the
   * same floating-point operations in the same order, written into `into` (no allocation: it
   * runs several times per glyph).
   */
  currentTextTransform(into: number[] = this.scratch): number[] {
    const s = this.state;
    const t = s.textMatrix;
    const c = s.ctm;
    const a = s.fontSize * s.textHScale;
    const d = s.fontSize;
    const rise = s.textRise;
    const m0 = t[0]! * a + t[2]! * 0;
    const m1 = t[1]! * a + t[3]! * 0;
    const m2 = t[0]! * 0 + t[2]! * d;
    const m3 = t[1]! * 0 + t[3]! * d;
    const m4 = t[0]! * 0 + t[2]! * rise + t[4]!;
    const m5 = t[1]! * 0 + t[3]! * rise + t[5]!;
    into[0] = c[0]! * m0 + c[2]! * m1;
    into[1] = c[1]! * m0 + c[3]! * m1;
    into[2] = c[0]! * m2 + c[2]! * m3;
    into[3] = c[1]! * m2 + c[3]! * m3;
    into[4] = c[0]! * m4 + c[2]! * m5 + c[4]!;
    into[5] = c[1]! * m4 + c[3]! * m5 + c[5]!;
    return into;
  }

  private ensureItem(): void {
    if (this.initialized) return;
    const s = this.state;
    const trm = this.currentTextTransform([0, 0, 0, 0, 0, 0]);
    this.transform = trm;
    this.vertical = s.font?.vertical === true;
    if (!this.vertical) {
      this.width = this.totalWidth = 0;
      this.height = this.totalHeight = Math.hypot(trm[2]!, trm[3]!);
    } else {
      this.width = this.totalWidth = Math.hypot(trm[0]!, trm[1]!);
      this.height = this.totalHeight = 0;
    }
    const scaleLineX = Math.hypot(s.textLineMatrix[0]!, s.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(s.ctm[0]!, s.ctm[1]!);
    this.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = s;
    this.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    this.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    this.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    this.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    this.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    this.initialized = true;
  }

  /** pdfjs's updateAdvanceScale, called after Tm. */
  updateAdvanceScale(): void {
    if (!this.initialized) return;
    const s = this.state;
    const scaleFactor =
      Math.hypot(s.ctm[0]!, s.ctm[1]!) * Math.hypot(s.textLineMatrix[0]!, s.textLineMatrix[1]!);
    if (scaleFactor === this.textAdvanceScale) return;
    if (!this.vertical) {
      this.totalWidth += this.width * this.textAdvanceScale;
      this.width = 0;
    } else {
      this.totalHeight += this.height * this.textAdvanceScale;
      this.height = 0;
    }
    this.textAdvanceScale = scaleFactor;
  }

  flush(): void {
    if (!this.initialized) return;
    if (!this.vertical) this.totalWidth += this.width * this.textAdvanceScale;
    else this.totalHeight += this.height * this.textAdvanceScale;
    this.counted();
    this.out.push({ str: this.str.join(''), width: Math.abs(this.totalWidth), transform: this.transform! });
    this.initialized = false;
    this.str.length = 0;
  }

  private appendEOL(): void {
    this.resetLastChars();
    if (this.initialized) this.flush();
    else this.counted();
  }

  private addFakeSpaces(width: number, textOrientation: number): boolean {
    if (textOrientation * this.spaceInFlowMin <= width && width <= textOrientation * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.str.push(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    this.pushWhitespace();
    return true;
  }

  private compareWithLastPosition(glyphWidth: number): boolean {
    const currentTransform = this.currentTextTransform();
    let posX = currentTransform[4]!;
    let posY = currentTransform[5]!;
    const v = this.viewBox;
    const vertical = this.state.font?.vertical === true;
    if (vertical) {
      if (posX < v[0]! || posX > v[2]! || posY + glyphWidth < v[1]! || posY > v[3]!) return false;
    } else if (posX + glyphWidth < v[0]! || posX > v[2]! || posY < v[1]! || posY > v[3]!) return false;
    if (!this.state.font || !this.prevTransform) return true;
    let lastPosX = this.prevTransform[4]!;
    let lastPosY = this.prevTransform[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (currentTransform[0] && currentTransform[1] === 0 && currentTransform[2] === 0)
      rotate = currentTransform[0] > 0 ? 0 : 180;
    else if (currentTransform[1] && currentTransform[0] === 0 && currentTransform[3] === 0)
      rotate = currentTransform[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = applyInverseRotation(posX, posY, currentTransform);
        [lastPosX, lastPosY] = applyInverseRotation(lastPosX, lastPosY, this.prevTransform);
    }
    if (vertical) return this.compareVertical(posX, posY, lastPosX, lastPosY);
    const advanceX = (posX - lastPosX) / this.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(this.width);
    if (advanceX < textOrientation * this.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * this.height) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(advanceY) > this.height) {
      this.appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * this.notASpace) this.resetLastChars();
    if (advanceX <= textOrientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace();
      } else this.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, textOrientation)) {
      if (this.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace();
      } else this.width += advanceX;
    }
    if (Math.abs(advanceY) > this.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  /** compareWithLastPosition's branch for vertical fonts: the roles of x and y swapped. */
  private compareVertical(posX: number, posY: number, lastPosX: number, lastPosY: number): boolean {
    const advanceY = (lastPosY - posY) / this.textAdvanceScale;
    const advanceX = posX - lastPosX;
    const textOrientation = Math.sign(this.height);
    if (advanceY < textOrientation * this.negativeSpaceMax) {
      if (Math.abs(advanceX) > 0.5 * this.width) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(advanceX) > this.width) {
      this.appendEOL();
      return true;
    }
    if (advanceY <= textOrientation * this.notASpace) this.resetLastChars();
    if (advanceY <= textOrientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace();
      } else this.height += advanceY;
    } else if (!this.addFakeSpaces(advanceY, textOrientation)) {
      if (this.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace();
      } else this.height += advanceY;
    }
    if (Math.abs(advanceX) > this.width * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  /** Moves the text matrix along the writing direction (x: horizontal, y: vertical fonts). */
  private advance(vertical: boolean, horizontal: number, down: number): void {
    if (!vertical) translateTextMatrix(this.state, horizontal * this.state.textHScale, 0);
    else translateTextMatrix(this.state, 0, down);
  }

  /** pdfjs's buildTextContentItem for a string shown (chars) or a bare TJ adjustment (chars ''). */
  show(chars: string, extraSpacing: number): void {
    const s = this.state;
    const font = s.font!;
    const vertical = font.vertical;
    if (!chars) {
      const charSpacing = s.charSpacing + extraSpacing;
      if (charSpacing) this.advance(vertical, charSpacing, -charSpacing);
      return;
    }
    const codes = font.codes(chars);
    const scale = font.fontMatrix[0]! * s.fontSize;
    for (let i = 0, ii = codes.length; i < ii; i += 1) {
      const code = codes[i]!;
      const glyph = font.glyph(code);
      if (glyph.isInvisibleFormatMark) continue;
      let charSpacing = s.charSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (code === 0x20) charSpacing += s.wordSpacing;
      if (glyph.isWhitespace) {
        if (!vertical) charSpacing += scaledDim;
        else charSpacing += -scaledDim;
        this.advance(vertical, charSpacing, -charSpacing);
        this.saveLastChar(' ');
        continue;
      }
      if (!glyph.isZeroWidthDiacritic && !this.compareWithLastPosition(scaledDim)) {
        this.advance(vertical, scaledDim, scaledDim);
        continue;
      }
      this.ensureItem();
      if (glyph.isZeroWidthDiacritic) scaledDim = 0;
      if (!vertical) {
        scaledDim *= s.textHScale;
        translateTextMatrix(s, scaledDim, 0);
        this.width += scaledDim;
      } else {
        translateTextMatrix(s, 0, scaledDim);
        scaledDim = Math.abs(scaledDim);
        this.height += scaledDim;
      }
      if (scaledDim) this.prevTransform = this.currentTextTransform(this.previous);
      if (this.saveLastChar(glyph.unicode)) this.str.push(' ');
      this.str.push(glyph.unicode);
      if (charSpacing) this.advance(vertical, charSpacing, -charSpacing);
    }
  }

  /**
   * A TJ array: its strings shown, each non-zero number (thousandths of an em, times `spaceFactor`)
   * moving the text after the strings before it.
   */
  showArray(elements: readonly unknown[], spaceFactor: number): void {
    let buffer = '';
    let pending = false;
    for (const item of elements) {
      if (typeof item === 'string') {
        buffer += item;
        pending = true;
      } else if (typeof item === 'number' && item !== 0) {
        this.show(buffer, item * spaceFactor);
        buffer = '';
        pending = false;
      }
    }
    if (pending && buffer.length > 0) this.show(buffer, 0);
  }
}

function applyInverseRotation(x: number, y: number, matrix: number[]): [number, number] {
  const scale = Math.hypot(matrix[0]!, matrix[1]!);
  return [(matrix[0]! * x + matrix[1]! * y) / scale, (matrix[2]! * x + matrix[3]! * y) / scale];
}
