/** An axis-aligned rule on the page, in viewport space (y grows downwards); x1 ≤ x2, y1 ≤ y2. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The horizontal and vertical rules of a page: table borders, underlines, separators. */
export interface PageRules {
  horizontal: Segment[];
  vertical: Segment[];
}

export type Matrix = [number, number, number, number, number, number];

/** The pdfjs OPS codes this module reads (passed in so that it stays testable without pdfjs). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
}

/** Most rules kept per page; pages of vector art beyond this are read without rules. */
export const MAX_RULES_PER_PAGE = 20_000;

/** A filled rectangle at most this thick (points) is a drawn line. */
const MAX_LINE_THICKNESS = 3;
/** How far from axis-aligned (points) a line may be. */
const AXIS_TOLERANCE = 0.5;

/** pdfjs DrawOPS codes inside a constructPath buffer. */
export const DRAW_OPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
const MOVE_TO = DRAW_OPS.moveTo;
const LINE_TO = DRAW_OPS.lineTo;
const CURVE_TO = DRAW_OPS.curveTo;
const QUADRATIC_CURVE_TO = DRAW_OPS.quadraticCurveTo;
const CLOSE_PATH = DRAW_OPS.closePath;

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Collects the straight axis-aligned lines a page paints: stroked line segments and rectangle
 * edges, and filled rectangles thin enough to be lines (Word draws borders that way). Curves,
 * clipping paths, thick fills and near-white paint are ignored. `base` maps PDF user space to viewport space.
 * Returns null when the page paints more than MAX_RULES_PER_PAGE rules.
 */
export function collectRules(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: PathOps,
  base: Matrix,
): PageRules | null {
  const strokeOps = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const fillOps = new Set([
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const rules: PageRules = { horizontal: [], vertical: [] };
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: base, fillVisible: true, strokeVisible: true };
  for (let i = 0; i < fnArray.length; i += 1) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(state);
    else if (fn === ops.restore) state = stack.pop() ?? state;
    else if (fn === ops.transform && args) state = { ...state, ctm: multiply(state.ctm, args as Matrix) };
    else if (fn === ops.setFillRGBColor) state = { ...state, fillVisible: isVisibleColor(args?.[0]) };
    else if (fn === ops.setStrokeRGBColor) state = { ...state, strokeVisible: isVisibleColor(args?.[0]) };
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(state);
      const matrix = args?.[0];
      if (Array.isArray(matrix) && matrix.length === 6)
        state = { ...state, ctm: multiply(state.ctm, matrix as Matrix) };
    } else if (fn === ops.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const buffer = (args[1] as unknown[] | undefined)?.[0];
      if (!(buffer instanceof Float32Array || Array.isArray(buffer))) continue;
      const subpaths = readSubpaths(buffer as ArrayLike<number>, state.ctm);
      if (strokeOps.has(paint) && state.strokeVisible)
        for (const path of subpaths) addStrokedEdges(rules, path);
      if (fillOps.has(paint) && state.fillVisible) for (const path of subpaths) addThinFill(rules, path);
      if (rules.horizontal.length + rules.vertical.length > MAX_RULES_PER_PAGE) return null;
    }
  }
  return rules;
}

interface GraphicsState {
  ctm: Matrix;
  /** False for white or near-white paint: backgrounds and hidden borders, not rules. */
  fillVisible: boolean;
  strokeVisible: boolean;
}

/**
 * pdfjs reports device colours as "#rrggbb". Near-white (luminance above 0.93) does not show on
 * paper: LibreOffice paints text backgrounds in thin white slices that must not become rules.
 * Anything else (patterns included) counts as visible.
 */
export function isVisibleColor(color: unknown): boolean {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return true;
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(color.slice(at, at + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b <= 0.93;
}

interface Subpath {
  points: [number, number][];
  closed: boolean;
  /** False when the subpath has curves: it is then neither a line nor a rectangle. */
  straight: boolean;
}

function readSubpaths(buffer: ArrayLike<number>, ctm: Matrix): Subpath[] {
  const paths: Subpath[] = [];
  let current: Subpath | null = null;
  let i = 0;
  while (i < buffer.length) {
    const op = buffer[i];
    if (op === MOVE_TO || op === LINE_TO) {
      const point = apply(ctm, buffer[i + 1]!, buffer[i + 2]!);
      if (op === MOVE_TO || !current) {
        current = { points: [point], closed: false, straight: true };
        paths.push(current);
      } else current.points.push(point);
      i += 3;
    } else if (op === CURVE_TO || op === QUADRATIC_CURVE_TO) {
      if (current) current.straight = false;
      const length = op === CURVE_TO ? 7 : 5;
      if (current) current.points.push(apply(ctm, buffer[i + length - 2]!, buffer[i + length - 1]!));
      i += length;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
      current = null;
      i += 1;
    } else break;
  }
  return paths;
}

function addStrokedEdges(rules: PageRules, path: Subpath): void {
  if (!path.straight) return;
  const points = path.closed ? [...path.points, path.points[0]!] : path.points;
  for (let k = 1; k < points.length; k += 1) addSegment(rules, points[k - 1]!, points[k]!);
}

function addThinFill(rules: PageRules, path: Subpath): void {
  if (!path.straight || path.points.length < 2) return;
  let [x1, y1] = path.points[0]!;
  let [x2, y2] = [x1, y1];
  for (const [x, y] of path.points) {
    x1 = Math.min(x1, x);
    x2 = Math.max(x2, x);
    y1 = Math.min(y1, y);
    y2 = Math.max(y2, y);
  }
  const width = x2 - x1;
  const height = y2 - y1;
  if (height <= MAX_LINE_THICKNESS && width > height)
    rules.horizontal.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
  else if (width <= MAX_LINE_THICKNESS && height > width)
    rules.vertical.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
}

function addSegment(rules: PageRules, a: [number, number], b: [number, number]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx > AXIS_TOLERANCE) {
    const y = (a[1] + b[1]) / 2;
    rules.horizontal.push({ x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]), y1: y, y2: y });
  } else if (dx <= AXIS_TOLERANCE && dy > AXIS_TOLERANCE) {
    const x = (a[0] + b[0]) / 2;
    rules.vertical.push({ x1: x, x2: x, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
  }
}
