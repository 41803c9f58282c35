import { describe, expect, it } from 'vitest';
import { estimateSkew, type GrayImage, inkThreshold } from './gray-image.ts';
import { findCells, findRules } from './ruling-lines.ts';

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

function box(image: GrayImage, x0: number, y0: number, x1: number, y1: number, value = 0): void {
  for (let y = y0; y < y1; y += 1) image.data.fill(value, y * image.width + x0, y * image.width + x1);
}

/** A ruled table at 200 dpi: 4 rows × 3 columns, the first row's last two cells merged; a few glyph-like strokes. */
function table(): { image: GrayImage; xs: number[]; ys: number[] } {
  const image = blank(1000, 700);
  const xs = [100, 400, 600, 800];
  const ys = [100, 200, 300, 400, 500];
  for (const y of ys) box(image, 100, y, 802, y + 2);
  for (const x of xs) box(image, x, 100, x + 2, 502);
  box(image, 600, 100, 602, 200, 255); // merge the first row's cells 2 and 3
  box(image, 150, 130, 153, 160); // short vertical stroke of a character
  box(image, 150, 140, 190, 143); // short horizontal stroke
  return { image, xs, ys };
}

describe('findRules', () => {
  it('finds the table rules and ignores the strokes of characters', () => {
    const { image } = table();
    const rules = findRules(image, inkThreshold(image), 200);
    expect(rules.horizontal.map((r) => Math.round(r.y1))).toEqual(
      [100, 200, 300, 400, 500].map((y) => y + 1),
    );
    expect(rules.vertical.every((r) => r.x1 !== 151)).toBe(true);
    expect(rules.vertical.length).toBeGreaterThanOrEqual(4);
  });
});

describe('findCells', () => {
  it('finds every cell once, a merged cell as one box', () => {
    const { image } = table();
    const cells = findCells(findRules(image, inkThreshold(image), 200), 200);
    expect(cells).toHaveLength(4 * 3 - 1);
    const merged = cells.find((c) => c.top < 150 && c.left > 300);
    expect(merged?.left).toBe(402);
    expect(Math.abs(merged!.right - 800)).toBeLessThanOrEqual(1);
  });
});

describe('broken rules', () => {
  it('mends rules that noise broke for a few pixels, so that no two cells run together', () => {
    const { image } = table();
    // Gaps of 8 pixels (0.04 in) across the middle of cells, in a vertical and a horizontal rule.
    box(image, 400, 246, 402, 254, 255);
    box(image, 600, 340, 602, 348, 255);
    box(image, 240, 300, 248, 302, 255);
    const cells = findCells(findRules(image, inkThreshold(image), 200), 200);
    expect(cells).toHaveLength(4 * 3 - 1);
  });

  it('keeps a rule that really stops apart (a merged cell is not mended into two)', () => {
    const { image } = table();
    // The merged first-row cell's missing rule is 100 pixels long: not a break.
    const rules = findRules(image, inkThreshold(image), 200);
    const at600 = rules.vertical.filter((r) => Math.abs(r.x1 - 601) <= 1);
    expect(at600.every((r) => r.y1 > 190)).toBe(true);
  });
});

describe('estimateSkew', () => {
  it('measures the angle of ruled lines turned by 1.5° either way', () => {
    for (const degrees of [1.5, -1.5, 0]) {
      const image = blank(1200, 900);
      const slope = Math.tan((degrees * Math.PI) / 180);
      for (let line = 100; line < 800; line += 60) {
        for (let x = 50; x < 1150; x += 1) {
          const y = Math.round(line + (x - 600) * slope);
          image.data[y * 1200 + x] = 0;
          image.data[(y + 1) * 1200 + x] = 0;
        }
      }
      expect(Math.abs(estimateSkew(image, 128) - degrees)).toBeLessThanOrEqual(0.05);
    }
  });
});
