import { AppError } from '../../core/errors.ts';

/**
 * Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (a superset
 * of GBK/GB2312, the usual legacy encoding of Chinese government files).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Refuses bytes that are plainly not text: NUL bytes or a high share of control characters. */
export function assertLooksLikeText(text: string): void {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) throw new AppError('DOCUMENT_REFUSED', '文件为空');
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw new AppError('DOCUMENT_REFUSED', '不是文本文件（含二进制内容）');
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control += 1;
    if (code === 0xfffd) control += 1;
  }
  if (control / sample.length > 0.05)
    throw new AppError('DOCUMENT_REFUSED', '不是文本文件（含大量不可识别字符）');
}
