import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AppError } from '../core/errors.ts';
import { sourcesOfBytes } from '../documents/import/import-sources.ts';
import type { ArchiveFile } from '../documents/import/unpack-archive.ts';
import { IMPORT_EXTENSIONS, IMPORT_ZIP_LIMITS } from '../documents/import/unpack-archive.ts';
import { isPageImageName } from '../documents/ingest/image/page-image-bundle.ts';
import { INGEST_LIMITS } from '../documents/ingest/source-document.ts';
import { pageImagesIn, readPageImageFolder } from './page-image-folder.ts';
import { readLimitedFile } from './read-limited-file.ts';

function failing(name: string, message: string): ArchiveFile {
  return {
    name,
    read: () => {
      throw new AppError('DOCUMENT_REFUSED', message);
    },
  };
}

/**
 * The files `import` reads from its arguments: a report file, a folder (recursively: its report
 * files and zips) or a zip (its entries, read one at a time). A path that cannot be used becomes
 * a source that fails with the reason, so that it is listed as skipped in the summary.
 */
export function importSourcesOf(paths: readonly string[]): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  const add = (path: string, given: boolean) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      out.push(failing(path, '文件不存在或无法读取'));
      return;
    }
    if (isDir) {
      // The page images of a folder are one scanned report; its other files and folders are walked on.
      if (pageImagesIn(path).length > 0) out.push({ name: path, read: () => readPageImageFolder(path) });
      for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name),
      )) {
        if (entry.name.startsWith('.')) continue;
        const full = join(path, entry.name);
        if (entry.isDirectory()) add(full, false);
        else if (entry.isFile() && !isPageImageName(entry.name)) add(full, false);
      }
      return;
    }
    const ext = extname(path).toLowerCase();
    if (ext === '.zip') {
      try {
        const bytes = readLimitedFile(path, IMPORT_ZIP_LIMITS.maxTotalBytes);
        out.push(...sourcesOfBytes(bytes, path));
      } catch (error) {
        out.push(failing(path, error instanceof AppError ? error.message : '无法读取压缩包'));
      }
      return;
    }
    if (!IMPORT_EXTENSIONS.includes(ext)) {
      if (given)
        out.push(failing(path, '不是支持的报告格式（txt、Markdown、HTML、DOCX、PDF、页面图片或 zip）'));
      return;
    }
    out.push({ name: path, read: () => readLimitedFile(path, INGEST_LIMITS.maxFileBytes) });
  };
  for (const p of paths) add(p, true);
  return out;
}
