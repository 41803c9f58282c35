import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { writeImagePdf } from './image-pdf.ts';

/**
 * Hostile page images made at test time, small on disk: a PNG whose header claims 30,000 × 30,000
 * pixels (2.7 GB once decoded) in a few hundred bytes, a damaged JPEG, a 2,000-page image-only
 * PDF and a zip of more page images than a scanned report may have.
 */

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.byteLength, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG declaring `width` × `height` RGB pixels (valid header and checksums) whose data holds only
 * its first rows: what a decoder that trusts the header would allocate for is never there.
 */
export function hugePngHeader(width = 30_000, height = 30_000): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = deflateSync(Buffer.alloc((width * 3 + 1) * 2, 0xff));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', rows),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** A small grey page with some texture, as a JPEG (the base of the damaged one). */
export async function samplePageJpeg(width = 620, height = 877): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 7919) % 251 > 40 ? 250 : 20;
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 1 } })
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
}

/** A JPEG whose entropy-coded data is overwritten in the middle and cut short. */
export async function corruptJpeg(): Promise<Uint8Array> {
  const jpeg = Buffer.from(await samplePageJpeg());
  const middle = Math.floor(jpeg.length / 2);
  for (let i = middle; i < middle + 400; i += 1) jpeg[i] = (i * 31) % 256 === 0xff ? 0x00 : (i * 31) % 256;
  return new Uint8Array(jpeg.subarray(0, Math.floor(jpeg.length * 0.7)));
}

/** An image-only PDF of `pages` pages, each the same tiny JPEG (a few MB for 2,000 pages). */
export async function manyPagesImagePdf(pages = 2_000): Promise<Uint8Array> {
  const jpeg = new Uint8Array(
    await sharp({ create: { width: 62, height: 88, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer(),
  );
  return writeImagePdf(Array.from({ length: pages }, () => ({ jpeg, width: 62, height: 88, dpi: 7.5 })));
}

/** A zip of `count` tiny page images (p1.png … pN.png): more pages than a scan may have. */
export async function manyPageImagesZip(count = 61): Promise<Uint8Array> {
  const png = new Uint8Array(
    await sharp({ create: { width: 40, height: 56, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer(),
  );
  const entries: Record<string, Uint8Array> = {};
  for (let i = 1; i <= count; i += 1) entries[`p${i}.png`] = png;
  return zipSync(entries, { level: 0 });
}

/** Writes the hostile images into `dir`; returns their paths by name. */
export async function writeHostileImages(dir: string): Promise<Record<string, string>> {
  const files: Record<string, Uint8Array> = {
    'png-30000x30000.png': hugePngHeader(),
    'corrupt.jpg': await corruptJpeg(),
    'image-pdf-2000-pages.pdf': await manyPagesImagePdf(),
    'page-images-61.zip': await manyPageImagesZip(),
  };
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    paths[name] = path;
  }
  return paths;
}
