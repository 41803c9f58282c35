import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A UTF-16 surrogate without its pair: what a lone surrogate escape (\ud800) in JSON gives. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** Passwords are compared byte for byte with what was set: never normalised. */
const KEPT_AS_TYPED = /password/i;

/** Deeper JSON is no form gongkai has: refused rather than walked. */
const MAX_DEPTH = 64;

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

/** Refuses lone surrogates, NFC-normalises every string except passwords. */
function cleanStrings(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH) throw invalid('请求内容嵌套过深');
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) {
      throw invalid(`${path || '请求内容'}含有无效的 Unicode 字符（孤立的代理项），未保存：请重新输入`);
    }
    return KEPT_AS_TYPED.test(path.split('.').at(-1) ?? '') ? value : value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanStrings(v, `${path}[${i}]`, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) throw invalid('请求内容的字段名含有无效的 Unicode 字符');
      out[key] = cleanStrings(v, path ? `${path}.${key}` : key, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * JSON bodies are text the way people wrote it: bytes that are not UTF-8 are refused (not turned
 * into U+FFFD), strings holding a lone surrogate are refused (400, in Chinese, nothing stored), and
 * every other string is stored NFC-normalised, so that “é” typed two ways is one name. Fastify's
 * own parser (prototype-poisoning protection) still parses.
 */
export function registerUnicodeInput(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(invalid('请求内容不是有效的 UTF-8 编码文本'), undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) {
        done(error, undefined);
        return;
      }
      try {
        done(null, cleanStrings(parsed, '', 0));
      } catch (cleanError) {
        done(cleanError as Error, undefined);
      }
    });
  });
}
