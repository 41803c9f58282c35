import { zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  corruptJpeg,
  hugePngHeader,
  manyPageImagesZip,
  manyPagesImagePdf,
  samplePageJpeg,
} from '../../../../test/support/hostile-images.ts';
import { IngestWorker } from '../ingest-pool.ts';
import { detectFormat, readReportDocument } from '../read-document.ts';
import { INGEST_LIMITS } from '../source-document.ts';
import { bundlePageImages, naturalCompare, pageImageEntries } from './page-image-bundle.ts';

const text = (s: string) => new TextEncoder().encode(s);

async function page(
  width = 1240,
  height = 1754,
  format: 'png' | 'jpeg' | 'tiff' = 'png',
): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: '#ffffff' } });
  const encoded = format === 'png' ? image.png() : format === 'jpeg' ? image.jpeg() : image.tiff();
  return new Uint8Array(await encoded.toBuffer());
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readReportDocument(bytes, name);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('detectFormat', () => {
  it('tells JPEG, PNG and TIFF by their magic bytes, whatever the name', async () => {
    expect(detectFormat(await page(10, 10, 'jpeg'), 'scan.pdf')).toBe('image');
    expect(detectFormat(await page(10, 10, 'png'), '')).toBe('image');
    expect(detectFormat(await page(10, 10, 'tiff'), 'x.txt')).toBe('image');
  });

  it('takes a zip of page images as one scanned report and any other zip as a DOCX', async () => {
    const png = await page(10, 10);
    expect(detectFormat(zipSync({ 'p1.png': png, 'p2.JPG': png, '__MACOSX/._p1.png': text('x') }))).toBe(
      'image',
    );
    expect(detectFormat(zipSync({ 'p1.png': png, 'notes.txt': text('x') }))).toBe('docx');
    expect(detectFormat(zipSync({ 'word/document.xml': text('<w/>') }))).toBe('docx');
  });

  it('refuses a .jpg or .png whose content is no image', () => {
    expect(() => detectFormat(text('not an image'), 'p1.jpg')).toThrow(
      /扩展名为 \.jpg，但内容不是 JPG、PNG 或 TIFF 图片/,
    );
  });
});

describe('naturalCompare and bundlePageImages', () => {
  it('orders pages naturally: p2 before p10, 第2页 before 第10页', () => {
    expect(['p10.png', 'p2.png', 'p1.png'].sort(naturalCompare)).toEqual(['p1.png', 'p2.png', 'p10.png']);
    expect(['第10页.jpg', '第2页.jpg'].sort(naturalCompare)).toEqual(['第2页.jpg', '第10页.jpg']);
  });

  it('bundles pages in natural order whatever order they are given in', async () => {
    const png = await page(10, 10);
    const bundle = bundlePageImages(['p10.png', 'p2.png', 'p1.png'].map((name) => ({ name, bytes: png })));
    expect(pageImageEntries(bundle)?.map((e) => e.name)).toEqual(['p1.png', 'p2.png', 'p10.png']);
  });

  it('refuses more pages than a scanned report may have before bundling them', () => {
    const files = Array.from({ length: INGEST_LIMITS.maxScannedPages + 1 }, (_, i) => ({
      name: `p${i}.png`,
      bytes: new Uint8Array(8),
    }));
    expect(() => bundlePageImages(files)).toThrow(`超过文字识别的上限 ${INGEST_LIMITS.maxScannedPages} 页`);
  });
});

describe('readPageImages (through readReportDocument)', () => {
  it('checks every page and hands them to the OCR engine in order; blank pages hold no report', async () => {
    const pagesRead = async (bytes: Uint8Array, name: string) => {
      const seen: string[] = [];
      const outcome = await readReportDocument(bytes, name, {
        onPage: (page, pages) => seen.push(`${page}/${pages}`),
      }).then(
        () => 'read',
        (error: Error) => error.message,
      );
      return { seen, outcome };
    };
    const one = await pagesRead(await page(), 'p1.png');
    expect(one.seen).toEqual(['1/1']);
    expect(one.outcome).toMatch(/找不到“一、总体情况”等章节标题/);
    const png = await page();
    const jpeg = await page(1240, 1754, 'jpeg');
    const three = await pagesRead(
      zipSync({ 'scan/p2.jpg': jpeg, 'scan/p10.png': png, 'scan/p1.png': png }),
      'scan.zip',
    );
    expect(three.seen).toEqual(['1/3', '2/3', '3/3']);
    expect(three.outcome).toMatch(/找不到“一、总体情况”等章节标题/);
  });

  it('refuses a 30,000 × 30,000 PNG from its header, naming its size, without decoding it', async () => {
    const huge = hugePngHeader();
    expect(huge.byteLength).toBeLessThan(1024 * 1024);
    expect(await refusal(huge, 'p1.png')).toContain('图片尺寸过大（30000×30000像素）');
  });

  it('refuses a page over the side limit even when its pixel count is small', async () => {
    const strip = await page(INGEST_LIMITS.maxImageSide + 1, 20);
    expect(await refusal(zipSync({ 'p1.png': await page(100, 140), 'p2.png': strip }), 'x.zip')).toMatch(
      new RegExp(`第2页（p2\\.png）图片尺寸过大（${INGEST_LIMITS.maxImageSide + 1}×20像素）`),
    );
  });

  it('refuses a damaged JPEG as damaged, naming the page', async () => {
    const good = await samplePageJpeg();
    expect(await refusal(zipSync({ 'p1.jpg': good, 'p2.jpg': await corruptJpeg() }), 'x.zip')).toContain(
      '第2页（p2.jpg）图片已损坏',
    );
  });

  it('refuses a zip of 61 page images by their count before decoding any (the first is damaged)', async () => {
    const zip = await manyPageImagesZip(INGEST_LIMITS.maxScannedPages + 1);
    expect(await refusal(zip, 'x.zip')).toContain(
      `扫描件有 61 页，超过文字识别的上限 ${INGEST_LIMITS.maxScannedPages} 页`,
    );
  });

  it('refuses a page that is no image inside a zip of pages named as images', async () => {
    const zip = zipSync({ 'p1.png': await page(100, 140), 'p2.png': text('<html>') });
    expect(await refusal(zip, 'x.zip')).toContain('第2页（p2.png）不是 JPG、PNG 或 TIFF 图片');
  });
});

describe('hostile scans in the reader process (RSS cap)', () => {
  const worker = new IngestWorker({ concurrency: 1, maxMemoryMb: 384, timeoutMs: 60_000 });
  afterAll(() => worker.close());

  it('refuses the 30,000 × 30,000 PNG, the damaged JPEG and the 2,000-page image PDF with a reason', async () => {
    const reasons: string[] = [];
    for (const [bytes, name] of [
      [hugePngHeader(), 'huge.png'],
      [await corruptJpeg(), 'corrupt.jpg'],
      [await manyPagesImagePdf(2_000), 'pages.pdf'],
    ] as const) {
      reasons.push(
        await worker.read(bytes, name).then(
          () => 'read',
          (error: Error) => error.message,
        ),
      );
    }
    expect(reasons[0]).toContain('图片尺寸过大（30000×30000像素）');
    expect(reasons[1]).toContain('图片已损坏');
    // Refused by its page count, never by running out of memory or time.
    expect(reasons[2]).toMatch(/有 2000 页，超过.*上限 \d+ 页/);
  }, 120_000);
});
