import type { GrayImage } from './gray-image.ts';

/** A rule found on a page image, in pixels: from (x1, y1) to (x2, y2), `thickness` across. */
export interface PixelRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
}

export interface PixelRules {
  horizontal: PixelRule[];
  vertical: PixelRule[];
}

/** A ruled cell: the box between its four rules, in pixels (the rules themselves excluded). */
export interface CellBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A run of dark pixels along a row (or column), bridging gaps of this many pixels (noise, JPEG). */
const MAX_GAP = 2;

interface Run {
  from: number;
  to: number;
  at: number;
}

/**
 * Dark runs at least `minLength` long along one axis. A pixel counts as dark when it or a
 * neighbour across the axis is dark, so that a rule drifting by a pixel (residual skew) stays one run.
 */
function longRuns(image: GrayImage, threshold: number, minLength: number, horizontal: boolean): Run[] {
  const { width, height, data } = image;
  const lines = horizontal ? height : width;
  const along = horizontal ? width : height;
  const runs: Run[] = [];
  const dark = (line: number, pos: number): boolean => {
    for (let d = -1; d <= 1; d += 1) {
      const l = line + d;
      if (l < 0 || l >= lines) continue;
      const v = horizontal ? data[l * width + pos]! : data[pos * width + l]!;
      if (v <= threshold) return true;
    }
    return false;
  };
  for (let line = 0; line < lines; line += 1) {
    let start = -1;
    let last = -1;
    for (let pos = 0; pos <= along; pos += 1) {
      const isDark = pos < along && dark(line, pos);
      if (isDark) {
        if (start < 0 || pos - last > MAX_GAP + 1) {
          if (start >= 0 && last - start + 1 >= minLength) runs.push({ from: start, to: last, at: line });
          start = pos;
        }
        last = pos;
      }
    }
    if (start >= 0 && last - start + 1 >= minLength) runs.push({ from: start, to: last, at: line });
  }
  return runs;
}

/** Joins runs on neighbouring lines that overlap into one rule. */
function joinRuns(runs: Run[], horizontal: boolean, maxThickness: number): PixelRule[] {
  interface Group {
    from: number;
    to: number;
    first: number;
    last: number;
  }
  const done: Group[] = [];
  let active: Group[] = [];
  for (const run of runs) {
    active = active.filter((g) => {
      if (g.last < run.at - 1) {
        done.push(g);
        return false;
      }
      return true;
    });
    const length = run.to - run.from;
    const group = active.find(
      (g) => Math.min(g.to, run.to) - Math.max(g.from, run.from) > 0.5 * Math.min(length, g.to - g.from),
    );
    if (group) {
      group.from = Math.min(group.from, run.from);
      group.to = Math.max(group.to, run.to);
      group.last = run.at;
    } else active.push({ from: run.from, to: run.to, first: run.at, last: run.at });
  }
  done.push(...active);
  return done
    .filter((g) => g.last - g.first + 1 <= maxThickness)
    .map((g) => {
      // The runs were widened by a pixel on each side; the rule's centre is unaffected.
      const centre = (g.first + g.last) / 2;
      const thickness = Math.max(1, g.last - g.first - 1);
      return horizontal
        ? { x1: g.from, x2: g.to, y1: centre, y2: centre, thickness }
        : { x1: centre, x2: centre, y1: g.from, y2: g.to, thickness };
    });
}

/**
 * The table rules of a straightened page image: horizontal dark runs longer than about a third
 * of an inch, and vertical ones that run from one horizontal rule to another (a short vertical
 * stroke of a character never does) or are long.
 */
export function findRules(image: GrayImage, threshold: number, dpi: number): PixelRules {
  const maxThickness = Math.max(3, Math.round(dpi / 25));
  const gap = Math.round(dpi * BROKEN_RULE_GAP_INCHES);
  const horizontal = closeGaps(
    joinRuns(longRuns(image, threshold, Math.round(dpi * 0.35), true), true, maxThickness),
    true,
    gap,
  );
  const tolerance = Math.max(4, Math.round(dpi / 40));
  const touches = (x: number, y: number) =>
    horizontal.some((h) => Math.abs(h.y1 - y) <= tolerance && h.x1 - tolerance <= x && x <= h.x2 + tolerance);
  const vertical = closeGaps(
    joinRuns(longRuns(image, threshold, Math.round(dpi * 0.12), false), false, maxThickness),
    false,
    gap,
  ).filter((v) => v.y2 - v.y1 >= dpi * 0.8 || (touches(v.x1, v.y1) && touches(v.x1, v.y2)));
  return { horizontal, vertical };
}

/**
 * Longest break (inches) mended in a rule: noise and JPEG eat a few pixels of a thin rule, while
 * a rule that really stops (at a merged cell) stays away for at least a row's height.
 */
const BROKEN_RULE_GAP_INCHES = 0.06;

/** Rules on one line (within two pixels across) whose ends are at most `gap` apart, joined into one. */
function closeGaps(rules: PixelRule[], horizontal: boolean, gap: number): PixelRule[] {
  const across = (r: PixelRule) => (horizontal ? r.y1 : r.x1);
  const from = (r: PixelRule) => (horizontal ? r.x1 : r.y1);
  const to = (r: PixelRule) => (horizontal ? r.x2 : r.y2);
  const sorted = [...rules].sort((a, b) => from(a) - from(b));
  const out: PixelRule[] = [];
  for (const rule of sorted) {
    const open = out.find((r) => Math.abs(across(r) - across(rule)) <= 2 && from(rule) - to(r) <= gap);
    if (!open) {
      out.push({ ...rule });
      continue;
    }
    if (horizontal) open.x2 = Math.max(open.x2, rule.x2);
    else open.y2 = Math.max(open.y2, rule.y2);
    open.thickness = Math.max(open.thickness, rule.thickness);
  }
  return out;
}

/**
 * The ruled cells: for each crossing of the rules' distinct rows and columns, the box between the
 * nearest horizontal rules above and below and the nearest vertical rules left and right that
 * reach that point. A merged cell is found once, however many crossings it covers.
 */
export function findCells(rules: PixelRules, dpi: number): CellBox[] {
  const tolerance = Math.max(4, Math.round(dpi / 40));
  const ys = distinct(
    rules.horizontal.map((h) => h.y1),
    tolerance,
  );
  const xs = distinct(
    rules.vertical.map((v) => v.x1),
    tolerance,
  );
  const cells = new Map<string, CellBox>();
  for (let i = 0; i + 1 < ys.length; i += 1) {
    for (let j = 0; j + 1 < xs.length; j += 1) {
      const cx = (xs[j]! + xs[j + 1]!) / 2;
      const cy = (ys[i]! + ys[i + 1]!) / 2;
      const above = nearest(
        rules.horizontal,
        (h) => h.x1 - tolerance <= cx && cx <= h.x2 + tolerance && h.y1 < cy,
        (h) => cy - h.y1,
      );
      const below = nearest(
        rules.horizontal,
        (h) => h.x1 - tolerance <= cx && cx <= h.x2 + tolerance && h.y1 > cy,
        (h) => h.y1 - cy,
      );
      const left = nearest(
        rules.vertical,
        (v) => v.y1 - tolerance <= cy && cy <= v.y2 + tolerance && v.x1 < cx,
        (v) => cx - v.x1,
      );
      const right = nearest(
        rules.vertical,
        (v) => v.y1 - tolerance <= cy && cy <= v.y2 + tolerance && v.x1 > cx,
        (v) => v.x1 - cx,
      );
      if (!above || !below || !left || !right) continue;
      const box = {
        left: Math.ceil(left.x1 + left.thickness / 2),
        right: Math.floor(right.x1 - right.thickness / 2),
        top: Math.ceil(above.y1 + above.thickness / 2),
        bottom: Math.floor(below.y1 - below.thickness / 2),
      };
      if (box.right - box.left < dpi * 0.08 || box.bottom - box.top < dpi * 0.08) continue;
      cells.set(`${box.left},${box.top},${box.right},${box.bottom}`, box);
    }
  }
  return [...cells.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

function distinct(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > tolerance) out.push(v);
  return out;
}

function nearest<T>(items: T[], keep: (item: T) => boolean, distance: (item: T) => number): T | null {
  let best: T | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const item of items) {
    if (!keep(item)) continue;
    const d = distance(item);
    if (d < bestDistance) [best, bestDistance] = [item, d];
  }
  return best;
}

/** A copy of the image with the rules painted white (they confuse the recogniser). */
export function eraseRules(image: GrayImage, rules: PixelRules): GrayImage {
  const data = new Uint8Array(image.data);
  const { width, height } = image;
  const paint = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(height - 1, Math.ceil(y1)); y += 1) {
      data.fill(255, y * width + Math.max(0, Math.floor(x0)), y * width + Math.min(width, Math.ceil(x1) + 1));
    }
  };
  for (const h of rules.horizontal) paint(h.x1, h.y1 - h.thickness / 2 - 2, h.x2, h.y1 + h.thickness / 2 + 2);
  for (const v of rules.vertical) paint(v.x1 - v.thickness / 2 - 2, v.y1, v.x1 + v.thickness / 2 + 2, v.y2);
  return { width, height, data };
}

/** Dark pixels in a box of the image. */
export function inkIn(image: GrayImage, box: CellBox, threshold: number): number {
  let count = 0;
  for (let y = Math.max(0, box.top); y < Math.min(image.height, box.bottom); y += 1) {
    const row = y * image.width;
    for (let x = Math.max(0, box.left); x < Math.min(image.width, box.right); x += 1)
      if (image.data[row + x]! <= threshold) count += 1;
  }
  return count;
}
