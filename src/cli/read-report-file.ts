import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../core/errors.ts';
import { parseReport } from '../core/report/parse-report.ts';
import type { Report } from '../core/report/schema.ts';

/** A report JSON larger than this is refused before it is read: real reports are a few KiB. */
export const MAX_REPORT_JSON_BYTES = 20 * 1024 * 1024;

/** Reads and decodes a JSON file, with Chinese one-line errors naming the file and the reason. */
export function readJsonFile(path: string, maxBytes = MAX_REPORT_JSON_BYTES): unknown {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new AppError('FILE_UNREADABLE', `${path}：是一个目录，不是文件`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    throw new AppError('FILE_UNREADABLE', `${path}：${reason}`);
  }
  if (size > maxBytes) {
    throw new AppError(
      'FILE_UNREADABLE',
      `${path}：文件过大（${Math.round(size / 1024 / 1024)} MiB，上限 ${maxBytes / 1024 / 1024} MiB）`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('FILE_UNREADABLE', `${path}：无法读取`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : '';
    throw new AppError('INVALID_INPUT', `${path}：不是有效的 JSON（${detail}）`);
  }
}

export function readReportFile(path: string): Report {
  const value = readJsonFile(path);
  try {
    return parseReport(value);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${path}：${error.message}`, error.details);
    throw error;
  }
}
