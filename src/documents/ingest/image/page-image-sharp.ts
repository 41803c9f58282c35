import type SharpFactory from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';
import { INGEST_LIMITS } from '../source-document.ts';
import type { PageImage } from './read-page-images.ts';

let sharpModule: Promise<typeof SharpFactory> | null = null;

/** sharp, loaded on first use, one thread, no cache: a reader process reads one file at a time. */
export function loadSharp(): Promise<typeof SharpFactory> {
  sharpModule ??= import('sharp').then(({ default: sharp }) => {
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return sharpModule;
}

/**
 * sharp on a page image with every limit set: at most INGEST_LIMITS.maxImagePixels pixels are
 * decoded, and the image is turned upright by its EXIF orientation (a photographed page).
 */
export async function pageImageSharp(page: Pick<PageImage, 'bytes' | 'frame'>): Promise<Sharp> {
  const sharp = await loadSharp();
  const options: SharpOptions = {
    limitInputPixels: INGEST_LIMITS.maxImagePixels,
    failOn: 'error',
    page: page.frame,
    sequentialRead: true,
  };
  return sharp(page.bytes, options).rotate();
}
