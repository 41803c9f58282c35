import { AppError } from '../core/errors.ts';
import { parseReport } from '../core/report/parse-report.ts';
import type { Report } from '../core/report/schema.ts';
import { readLimitedFile } from './read-limited-file.ts';

/** A report JSON larger than this is refused before it is read: real reports are a few KiB. */
export const MAX_REPORT_JSON_BYTES = 20 * 1024 * 1024;

/** Reads and decodes a JSON file, with Chinese one-line errors naming the file and the reason. */
export function readJsonFile(path: string, maxBytes = MAX_REPORT_JSON_BYTES): unknown {
  let text: string;
  try {
    text = readLimitedFile(path, maxBytes, 'FILE_UNREADABLE').toString('utf8');
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${path}：${error.message}`, error.details);
    throw error;
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
