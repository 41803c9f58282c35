import type { GrayImage } from './gray-image.ts';

/**
 * Cleaning of scanned page images before rules are looked for and cells are read: the grey page
 * made black and white at the ink threshold (scanner grain and JPEG ringing fall on the paper
 * side), and the specks of dust or toner — small dark blots — painted out, so that they neither
 * break nor fake ruling lines nor read as a stray “.”, “1” or “7” in a cell.
 */

/** The image with every pixel at or below `threshold` black (0) and every other white (255). */
export function binarise(image: GrayImage, threshold: number): GrayImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i += 1) data[i] = image.data[i]! <= threshold ? 0 : 255;
  return { width: image.width, height: image.height, data };
}

/** Largest dark blot (pixels, at `dpi`) taken for a speck: a 3-pixel speck of a 150-dpi scan seen at 200 dpi. */
export function speckArea(dpi: number): number {
  return Math.max(4, Math.round(20 * (dpi / 200) ** 2));
}

export interface DespeckleOptions {
  /** Blots of at most this many pixels are specks. */
  maxArea: number;
  /**
   * Remove a small blot only when no other ink lies within this many pixels of it (a dot of a
   * character, a “、” stays); 0 removes every small blot.
   */
  isolation: number;
  /** Keep a small blot that sits on the baseline between two larger ones: a decimal point. */
  keepPoints?: boolean;
}

interface Blot {
  label: number;
  area: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A copy of a black-and-white image without its specks (8-connected dark blots, see DespeckleOptions). */
export function despeckle(image: GrayImage, options: DespeckleOptions): GrayImage {
  const { width, height } = image;
  const labels = new Int32Array(width * height);
  const blots: Blot[] = [];
  const stack: number[] = [];
  for (let start = 0; start < labels.length; start += 1) {
    if (image.data[start] !== 0 || labels[start] !== 0) continue;
    const label = blots.length + 1;
    const blot: Blot = { label, area: 0, left: width, top: height, right: -1, bottom: -1 };
    labels[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % width;
      const y = (at - x) / width;
      blot.area += 1;
      if (x < blot.left) blot.left = x;
      if (x > blot.right) blot.right = x;
      if (y < blot.top) blot.top = y;
      if (y > blot.bottom) blot.bottom = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const n = ny * width + nx;
          if (image.data[n] === 0 && labels[n] === 0) {
            labels[n] = label;
            stack.push(n);
          }
        }
      }
    }
    blots.push(blot);
  }
  const large = options.keepPoints ? blots.filter((b) => b.area > options.maxArea) : [];
  const data = new Uint8Array(image.data);
  for (const blot of blots) {
    if (blot.area > options.maxArea) continue;
    if (options.isolation > 0 && hasInkNear(image, labels, blot, options.isolation)) continue;
    if (options.keepPoints && isPoint(blot, large)) continue;
    for (let y = blot.top; y <= blot.bottom; y += 1) {
      for (let x = blot.left; x <= blot.right; x += 1) {
        if (labels[y * width + x] === blot.label) data[y * width + x] = 255;
      }
    }
  }
  return { width, height, data };
}

function hasInkNear(image: GrayImage, labels: Int32Array, blot: Blot, distance: number): boolean {
  const { width, height } = image;
  for (let y = Math.max(0, blot.top - distance); y <= Math.min(height - 1, blot.bottom + distance); y += 1) {
    for (let x = Math.max(0, blot.left - distance); x <= Math.min(width - 1, blot.right + distance); x += 1) {
      const at = y * width + x;
      if (image.data[at] === 0 && labels[at] !== blot.label) return true;
    }
  }
  return false;
}

/** A decimal point: a larger blot close on each side, its bottom near theirs (the baseline). */
function isPoint(blot: Blot, large: readonly Blot[]): boolean {
  const beside = (side: -1 | 1) =>
    large.some((b) => {
      const h = b.bottom - b.top + 1;
      const gap = side < 0 ? blot.left - b.right : b.left - blot.right;
      return gap >= 0 && gap <= h * 0.5 && Math.abs(b.bottom - blot.bottom) <= h * 0.2;
    });
  return beside(-1) && beside(1);
}
