import type { Sharp } from 'sharp';
/** A one-channel 8-bit image, row by row (0 black … 255 white). */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Reads a binary PPM (P6) or PGM (P5) as pdftoppm writes it. Colour pages keep the brightest of
 * the three channels, so that a red seal over the 落款 fades out while black print stays dark.
 */
/**
 * The image after sharp's `transform` (a rotation, a resize…), read back as one grey channel.
 * sharp is loaded on first use: only scans need it.
 */
export async function transformGrayImage(
  image: GrayImage,
  transform: (pipeline: Sharp) => Sharp,
): Promise<GrayImage> {
  const sharp = (await import('sharp')).default;
  const { data, info } = await transform(
    sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } }),
  )
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

export function readPnm(bytes: Uint8Array): GrayImage {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4 && at < Math.min(bytes.length, 256)) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at += 1;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at += 1;
      continue;
    }
    let token = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]!)))
      token += String.fromCharCode(bytes[at++]!);
    header.push(token);
  }
  at += 1;
  const [magic, w, h, max] = header;
  const width = Number(w);
  const height = Number(h);
  const channels = magic === 'P6' ? 3 : magic === 'P5' ? 1 : 0;
  if (
    channels === 0 ||
    max !== '255' ||
    !(width > 0 && height > 0) ||
    bytes.length < at + width * height * channels
  ) {
    throw new Error('unexpected page image from pdftoppm');
  }
  const data = new Uint8Array(width * height);
  if (channels === 1) data.set(bytes.subarray(at, at + width * height));
  else {
    for (let i = 0, j = at; i < data.length; i += 1, j += 3) {
      const r = bytes[j]!;
      const g = bytes[j + 1]!;
      const b = bytes[j + 2]!;
      data[i] = Math.max(r, g, b);
    }
  }
  return { width, height, data };
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function inkThreshold(image: GrayImage): number {
  const histogram = new Array<number>(256).fill(0);
  const step = Math.max(1, Math.floor(image.data.length / 2_000_000));
  let count = 0;
  for (let i = 0; i < image.data.length; i += step) {
    histogram[image.data[i]!]! += 1;
    count += 1;
  }
  let sum = 0;
  for (let v = 0; v < 256; v += 1) sum += v * histogram[v]!;
  let background = 0;
  let weight = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t += 1) {
    weight += histogram[t]!;
    if (weight === 0 || weight === count) continue;
    background += t * histogram[t]!;
    const meanLow = background / weight;
    const meanHigh = (sum - background) / (count - weight);
    const variance = weight * (count - weight) * (meanLow - meanHigh) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/** Most dark pixels sampled when estimating skew. */
const SKEW_SAMPLES = 120_000;

/**
 * The skew of the page in degrees (within ±maxDegrees): the angle at which dark pixels line up
 * best in rows (table rules and text lines make sharp peaks in the row profile). Rotating the
 * page by minus this angle straightens it. Positive: lines fall to the right (clockwise skew).
 */
export function estimateSkew(image: GrayImage, threshold: number, maxDegrees = 3): number {
  const { width, height, data } = image;
  let dark = 0;
  for (let i = 0; i < data.length; i += 7) if (data[i]! <= threshold) dark += 1;
  const stride = Math.max(1, Math.floor((dark * 7) / SKEW_SAMPLES));
  let samples = 0;
  for (let i = 0; i < data.length; i += stride) if (data[i]! <= threshold) samples += 1;
  if (samples < 100) return 0;
  const xs = new Int32Array(samples);
  const ys = new Int32Array(samples);
  for (let i = 0, k = 0; i < data.length; i += stride) {
    if (data[i]! <= threshold) {
      xs[k] = i % width;
      ys[k] = Math.floor(i / width);
      k += 1;
    }
  }
  // Typed arrays, one histogram reused: the score is computed some forty times per page.
  const bins = new Int32Array(height + width + 2);
  const score = (degrees: number): number => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    const offset = Math.ceil(Math.abs(slope) * width) + 1;
    const size = bins.length;
    for (let k = 0; k < samples; k += 1) {
      const y = Math.round(ys[k]! - xs[k]! * slope) + offset;
      if (y >= 0 && y < size) bins[y]! += 1;
    }
    let s = 0;
    for (let y = 0; y < size; y += 1) s += bins[y]! * bins[y]!;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDegrees; d <= maxDegrees + 1e-9; d += 0.1) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.1; d <= coarse + 0.1 + 1e-9; d += 0.02) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
}
