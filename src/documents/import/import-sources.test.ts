import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pageImageEntries } from '../ingest/image/page-image-bundle.ts';
import { sourcesOfBytes } from './import-sources.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);

describe('sourcesOfBytes', () => {
  it('makes the page images of each folder of a zip one source, beside the report files', () => {
    const zip = zipSync({
      '甲县/a.txt': bytes('报告'),
      '乙县扫描件/p10.jpg': JPEG,
      '乙县扫描件/p2.jpg': JPEG,
      '丙县扫描件/第1页.png': JPEG,
      'notes.xls': bytes('x'),
    });
    const sources = sourcesOfBytes(zip, 'region.zip');
    expect(sources.map((s) => s.name)).toEqual([
      'region.zip/甲县/a.txt',
      'region.zip/乙县扫描件/',
      'region.zip/丙县扫描件/',
      'region.zip/notes.xls',
    ]);
    const bundle = sources[1]!.read();
    expect(pageImageEntries(bundle)?.map((e) => e.name)).toEqual(['p2.jpg', 'p10.jpg']);
  });

  it('names the top folder of page images after the upload, or by its page count when unnamed', () => {
    const zip = zipSync({ 'p1.jpg': JPEG, 'p2.jpg': JPEG });
    expect(sourcesOfBytes(zip, 'scan.zip').map((s) => s.name)).toEqual(['scan.zip']);
    expect(sourcesOfBytes(zip, '3份报告.zip', '').map((s) => s.name)).toEqual(['页面图片（2 页）']);
  });
});
