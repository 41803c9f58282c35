import type { GrayImage } from './gray-image.ts';
import { transformGrayImage } from './gray-image.ts';
import type { CellBox } from './ruling-lines.ts';
import type { OcrWord } from './tesseract.ts';

/** White margin around each crop in a strip, in inches. */
const STRIP_GAP_INCHES = 0.2;

/** A cell's crop laid out on a strip, with the words the recogniser found in it. */
export interface Crop {
  box: CellBox;
  /** Where the crop was placed in the strip. */
  x: number;
  y: number;
  words: OcrWord[];
}

/** Crops laid out one per line on a white strip, and the gap between them (pixels). */
export interface Strip {
  image: GrayImage;
  crops: Crop[];
  gap: number;
}

/**
 * The crops `boxes` of `image` copied one per line onto a white strip, so that one recogniser call
 * reads them all; the words found are given back to their crop by `placeWords`.
 */
export function layStrip(image: GrayImage, boxes: readonly CellBox[], dpi: number): Strip {
  const gap = Math.round(dpi * STRIP_GAP_INCHES);
  const crops: Crop[] = [];
  let y = gap;
  let width = 0;
  for (const box of boxes) {
    crops.push({ box, x: gap, y, words: [] });
    y += box.bottom - box.top + gap;
    width = Math.max(width, 2 * gap + box.right - box.left);
  }
  const height = boxes.length === 0 ? 0 : y;
  const data = new Uint8Array(width * height).fill(255);
  for (const crop of crops) {
    const { box } = crop;
    for (let row = box.top; row < box.bottom; row += 1) {
      const from = row * image.width + box.left;
      data.set(
        image.data.subarray(from, from + box.right - box.left),
        (crop.y + row - box.top) * width + crop.x,
      );
    }
  }
  return { image: { width, height, data }, crops, gap };
}

/**
 * Gives each word read on a strip (in pixels of the strip, which was drawn `scale` times larger and
 * `offset` pixels below the top of the image read) to the crop its centre falls in.
 */
export function placeWords(strip: Strip, words: readonly OcrWord[], offset = 0, scale = 1): Crop[] {
  const { crops, gap } = strip;
  for (const w of words) {
    const word = {
      ...w,
      left: w.left / scale,
      top: (w.top - offset) / scale,
      width: w.width / scale,
      height: w.height / scale,
    };
    const cx = word.left + word.width / 2;
    const cy = word.top + word.height / 2;
    const crop = crops.find(
      (c) =>
        c.x - gap / 2 <= cx &&
        cx <= c.x + c.box.right - c.box.left + gap / 2 &&
        c.y - gap / 2 <= cy &&
        cy <= c.y + c.box.bottom - c.box.top + gap / 2,
    );
    crop?.words.push(word);
  }
  return crops;
}

/** `top` with `bottom` under it, on white where the narrower one leaves room. */
export function stacked(top: GrayImage, bottom: GrayImage): GrayImage {
  const width = Math.max(top.width, bottom.width);
  const data = new Uint8Array(width * (top.height + bottom.height)).fill(255);
  for (let y = 0; y < top.height; y += 1)
    data.set(top.data.subarray(y * top.width, (y + 1) * top.width), y * width);
  for (let y = 0; y < bottom.height; y += 1)
    data.set(bottom.data.subarray(y * bottom.width, (y + 1) * bottom.width), (top.height + y) * width);
  return { width, height: top.height + bottom.height, data };
}

/** The image at twice its size, smoothly resampled. */
export function enlarged(image: GrayImage): Promise<GrayImage> {
  return transformGrayImage(image, (pipeline) =>
    pipeline.resize(image.width * 2, image.height * 2, { kernel: 'lanczos3' }),
  );
}

/** A PGM of the image (what Tesseract is given). */
export function pnm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const bytes = new Uint8Array(header.length + image.data.length);
  bytes.set(header);
  bytes.set(image.data, header.length);
  return bytes;
}
