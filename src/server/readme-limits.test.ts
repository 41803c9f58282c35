import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INGEST_LIMITS } from '../documents/ingest/source-document.ts';
import { loadConfig } from './config.ts';

const MIB = 1024 * 1024;
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** The limits table of the security section. */
const SECTION = README.slice(README.indexOf('### 读取文件的上限'));
const n = (value: number) => value.toLocaleString('en-US');

/** The “默认” cell of the row of the README's limits table whose first cell starts with `limit`. */
function stated(limit: string): string {
  const row = SECTION.split('\n').find((line) => line.startsWith(`| ${limit}`));
  if (!row) throw new Error(`README has no limits row starting with “${limit}”`);
  return row.split('|')[2]!.trim();
}

/**
 * The README's security section states the limits of every document read; these are the values
 * the code uses (the defaults of the configuration with nothing set), so the two cannot drift.
 */
describe('the limits the README states are the ones the code uses', () => {
  const config = loadConfig({});
  const L = INGEST_LIMITS;

  it.each([
    ['文件大小', `${L.maxFileBytes / MIB} MB`],
    ['PDF 单个压缩数据流', `${L.maxInflatedStreamBytes / MIB} MB`],
    ['PDF 全部数据流', `${L.maxInflatedBytes / MIB} MB`],
    [
      'DOCX 解压后合计',
      `${L.maxDocxUncompressedBytes / MIB} MB / ${L.maxCompressionRatio}:1 / ${L.maxDocxEntries}`,
    ],
    ['PDF 页数 / 读出的行数', `${L.maxPdfPages} / ${n(L.maxLines)}`],
    ['HTML 页面或 DOCX', `${n(L.maxMarkupElements)} / ${L.maxMarkupDepth}`],
    ['扫描件页数', `${L.maxScannedPages}`],
    ['每页图片的尺寸', `${n(L.maxImageSide)} 像素 / ${L.maxImagePixels / 10_000} 万`],
    ['一份扫描件的页面图片合计', `${L.maxPageImagesBytes / MIB} MB`],
    ['每份文件的读取时间', `${config.readTimeoutMs / 1000} 秒`],
    ['每个读取进程的全部内存', `${config.readMemoryMb} MB`],
    ['匿名核查同时读取的文件数', `${config.checkConcurrency}`],
    ['匿名核查排队的文件数', `${config.checkQueueLength}`],
  ])('%s: %s', (limit, value) => {
    expect(stated(limit)).toBe(value);
  });
});
