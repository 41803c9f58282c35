import { DRAW_OPS, type PathOps } from '../layout/pdf-rules.ts';
import { isName } from './pdf-objects.ts';

/** The operator codes this reader gives collectRules (its own numbering; pdfjs's is not needed). */
export const RULE_OPS: PathOps & { endPath: number } = {
  save: 1,
  restore: 2,
  transform: 3,
  constructPath: 4,
  paintFormXObjectBegin: 5,
  paintFormXObjectEnd: 6,
  stroke: 7,
  closeStroke: 8,
  fill: 9,
  eoFill: 10,
  fillStroke: 11,
  eoFillStroke: 12,
  closeFillStroke: 13,
  closeEOFillStroke: 14,
  setFillRGBColor: 15,
  setStrokeRGBColor: 16,
  endPath: 17,
};

export const PAINT: Record<string, number> = {
  S: RULE_OPS.stroke,
  s: RULE_OPS.closeStroke,
  f: RULE_OPS.fill,
  F: RULE_OPS.fill,
  'f*': RULE_OPS.eoFill,
  B: RULE_OPS.fillStroke,
  'B*': RULE_OPS.eoFillStroke,
  b: RULE_OPS.closeFillStroke,
  'b*': RULE_OPS.closeEOFillStroke,
  n: RULE_OPS.endPath,
};

export const { moveTo: MOVE_TO, lineTo: LINE_TO, curveTo: CURVE_TO, closePath: CLOSE_PATH } = DRAW_OPS;

/**
 * A colour as pdfjs's operator list gives it ("#rrggbb"): components times 255 into a
 * Uint8ClampedArray (so rounded as pdfjs rounds them).
 */
const clamp = new Uint8ClampedArray(3);

export function grayRgb(value: number): Uint8ClampedArray {
  const c = value * 255;
  clamp[0] = c;
  clamp[1] = c;
  clamp[2] = c;
  return clamp;
}

export function rgb(r: number, g: number, b: number): Uint8ClampedArray {
  clamp[0] = r * 255;
  clamp[1] = g * 255;
  clamp[2] = b * 255;
  return clamp;
}

export function hex(c: Uint8ClampedArray): string {
  return `#${[c[0]!, c[1]!, c[2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export type ColorSpace = 'gray' | 'rgb' | 'other';

/** The colour space a cs/CS operand names, as far as rules are concerned. */
export function colorSpaceOf(name: unknown): ColorSpace {
  return isName(name, 'DeviceGray') || isName(name, 'G')
    ? 'gray'
    : isName(name, 'DeviceRGB') || isName(name, 'RGB')
      ? 'rgb'
      : 'other';
}

/** Whether a painting operator closes the path first (s, b, b*). */
export function closesPath(fn: number): boolean {
  return fn === RULE_OPS.closeStroke || fn === RULE_OPS.closeFillStroke || fn === RULE_OPS.closeEOFillStroke;
}
