import { readFileSync, statSync } from 'node:fs';
import { AppError, type AppErrorCode } from '../core/errors.ts';

const MIB = 1024 * 1024;

/**
 * Reads a file the command line was given, refusing it before reading when it is larger than
 * `maxBytes`. Throws AppError FILE_UNREADABLE (missing, a folder, no permission, unreadable) or
 * `tooLargeCode` (too large), with a Chinese reason that does not name the file: callers prefix it.
 */
export function readLimitedFile(
  path: string,
  maxBytes: number,
  tooLargeCode: AppErrorCode = 'DOCUMENT_REFUSED',
): Buffer {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new AppError('FILE_UNREADABLE', '是一个目录，不是文件');
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'FILE_UNREADABLE',
      code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : '无法读取',
    );
  }
  if (size > maxBytes) {
    throw new AppError(tooLargeCode, `文件过大（${Math.round(size / MIB)} MiB，上限 ${maxBytes / MIB} MiB）`);
  }
  try {
    return readFileSync(path);
  } catch {
    throw new AppError('FILE_UNREADABLE', '无法读取');
  }
}
