import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, gongkai } from '../../test/support/run-cli.ts';
import { pageImageEntries } from '../documents/ingest/image/page-image-bundle.ts';
import { INGEST_LIMITS } from '../documents/ingest/source-document.ts';
import { importSourcesOf } from './import-files.ts';
import { collectFiles } from './load-report.ts';

let root: string;
let scan: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-pages-'));
  scan = join(root, '某县民政局2024');
  mkdirSync(join(scan, '附件'), { recursive: true });
  const png = await sharp({ create: { width: 124, height: 175, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  for (const name of ['p10.png', 'p2.png', 'p1.png']) writeFileSync(join(scan, name), png);
  writeFileSync(join(scan, '附件', 'note.txt'), '不是年度报告');
  writeFileSync(join(root, 'other.txt'), '也不是年度报告');
});

describe('collectFiles', () => {
  it('takes a folder of page images as one report and walks on through its other files', () => {
    expect(collectFiles([root])).toEqual([join(root, 'other.txt'), scan, join(scan, '附件', 'note.txt')]);
  });

  it('refuses a folder that holds no report file, in Chinese, instead of checking nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'gongkai-empty-'));
    writeFileSync(join(empty, 'notes.xyz'), '无关');
    expectRefused(gongkai('check', empty), `${empty}：文件夹中没有可读取的报告文件`);
  });
});

describe('importSourcesOf', () => {
  it('makes the page images of a folder one source whose pages are in natural order', () => {
    const sources = importSourcesOf([root]);
    expect(sources.map((s) => s.name).sort()).toEqual(
      [join(root, 'other.txt'), scan, join(scan, '附件', 'note.txt')].sort(),
    );
    const bundle = sources.find((s) => s.name === scan)!.read();
    expect(pageImageEntries(bundle)?.map((e) => e.name)).toEqual(['p1.png', 'p2.png', 'p10.png']);
  });

  it('refuses a folder of more page images than a scan may have when it is read', () => {
    const many = mkdtempSync(join(tmpdir(), 'gongkai-pages-many-'));
    for (let i = 1; i <= INGEST_LIMITS.maxScannedPages + 1; i += 1)
      writeFileSync(join(many, `p${i}.jpg`), 'x');
    const [source] = importSourcesOf([many]);
    expect(() => source!.read()).toThrow(`扫描件有 ${INGEST_LIMITS.maxScannedPages + 1} 页`);
  });
});

describe('gongkai parse and check on page images', () => {
  it('parse reads a folder of page images as one scanned report (thumbnails: too coarse to recognise)', () => {
    expectRefused(gongkai('parse', scan), /p1\.png：扫描分辨率太低/);
  });

  it('check lists the scan folder as one file beside the other reports', () => {
    const r = gongkai('check', root, '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { file: string; reason?: string }[];
    expect(out.map((f) => f.file)).toEqual([join(root, 'other.txt'), scan, join(scan, '附件', 'note.txt')]);
    expect(out[1]!.reason).toMatch(/p1\.png：扫描分辨率太低/);
  });
});

describe('gongkai check on a scan that can be read', () => {
  it('prints the scan’s summary in the words the web uses, with the lowest confidence', () => {
    const zip = new URL('../../test/fixtures/scanned/generated-1.zip', import.meta.url).pathname;
    const r = gongkai('check', zip);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^ {2}扫描件 3 页，平均识别置信度 \d+%（最低 \d+%）；表格单元格识别 \d+ 个，按勾稽关系校正 \d+ 个，无法识别 \d+ 个$/m,
    );
  }, 120_000);
});
