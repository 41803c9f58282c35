import { describe, expect, it } from 'vitest';
import { binarise, despeckle } from './despeckle.ts';
import type { GrayImage } from './gray-image.ts';

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

function box(image: GrayImage, x0: number, y0: number, x1: number, y1: number, value = 0): void {
  for (let y = y0; y < y1; y += 1) image.data.fill(value, y * image.width + x0, y * image.width + x1);
}

function ink(image: GrayImage, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y += 1)
    for (let x = x0; x < x1; x += 1) if (image.data[y * image.width + x] === 0) n += 1;
  return n;
}

describe('binarise', () => {
  it('puts grey grain on the paper side and ink on the black side of the threshold', () => {
    const image = blank(4, 1);
    image.data.set([250, 190, 120, 10]);
    expect([...binarise(image, 150).data]).toEqual([255, 255, 0, 0]);
  });
});

describe('despeckle', () => {
  /** Two “digits” (3×20 strokes), a decimal point between them on the baseline, a speck far away and one beside a digit. */
  function scene(): GrayImage {
    const image = blank(200, 60);
    box(image, 20, 10, 23, 30);
    box(image, 30, 27, 33, 30); // decimal point: 9 pixels, bottom on the baseline
    box(image, 40, 10, 43, 30);
    box(image, 150, 40, 153, 43); // isolated speck
    box(image, 46, 12, 48, 14); // speck touching-close to a digit
    return image;
  }

  it('removes isolated specks and keeps small blots near other ink when asked for isolation', () => {
    const out = despeckle(scene(), { maxArea: 20, isolation: 8 });
    expect(ink(out, 150, 40, 153, 43)).toBe(0);
    expect(ink(out, 30, 27, 33, 30)).toBe(9);
    expect(ink(out, 46, 12, 48, 14)).toBe(4);
    expect(ink(out, 20, 10, 23, 30)).toBe(60);
  });

  it('in a count, removes every speck but a decimal point between digits', () => {
    const out = despeckle(scene(), { maxArea: 20, isolation: 0, keepPoints: true });
    expect(ink(out, 46, 12, 48, 14)).toBe(0);
    expect(ink(out, 150, 40, 153, 43)).toBe(0);
    expect(ink(out, 30, 27, 33, 30)).toBe(9);
    expect(ink(out, 40, 10, 43, 30)).toBe(60);
  });

  it('removes a speck that only looks like a point when it is not on the baseline', () => {
    const image = scene();
    box(image, 30, 27, 33, 30, 255);
    box(image, 30, 12, 33, 15);
    const out = despeckle(image, { maxArea: 20, isolation: 0, keepPoints: true });
    expect(ink(out, 30, 12, 33, 15)).toBe(0);
  });
});
